import { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { renewSession } from '../blocking/session.ts';
import { formFields } from '../web/form.ts';
import { isIssuerReason, issuerReasons } from '../blocking/types.ts';
import { NotAnOperator, NotFound } from '../common/errors.ts';
import type { Context } from '../context.ts';
import { formatCardNumber } from '../keycard/types.ts';
import { paths, routes } from '../paths.ts';
import type { IssuerAction } from './issuer-service.ts';

const actions: readonly IssuerAction[] = ['block', 'revoke', 'unblock', 'card', 'temporary-password'];

/**
 * The issuer operator console at `/issuer` (R15). Only a signed-in operator gets past
 * `requireOperator`; a trainee, a teacher or an anonymous visitor is refused (403).
 */
export function issuerRoutes(ctx: Pick<Context, 'issuer'>, limit: RequestHandler): Router {
  const router = Router();

  const requireOperator = (req: Request, res: Response, next: NextFunction) => {
    const operator = req.session.operatorId === undefined ? undefined : ctx.issuer.operator(req.session.operatorId);
    if (!operator) throw new NotAnOperator();
    res.locals.operator = operator;
    next();
  };

  const renderFile = (res: Response, status: number, citizenId: number, locals: Record<string, unknown> = {}) => {
    const file = ctx.issuer.file(citizenId);
    if (!file) throw new NotFound();
    res.status(status).render('issuer/citizen', {
      file,
      cards: file.cards.map((card) => ({ ...card, number: formatCardNumber(card.cardNumber) })),
      reasons: issuerReasons,
      form: { reason: '' },
      errors: {},
      done: null,
      ...locals,
    });
  };

  router.get(routes.issuer.login, (_req, res) => res.render('issuer/login', { errors: {}, username: '' }));

  router.post(routes.issuer.login, limit, async (req, res, next) => {
    const { username, password } = formFields(req.body, ['username', 'password'] as const);
    const name = username.trim().slice(0, 100);
    if (!name || !password) return res.status(400).render('issuer/login', { errors: { form: ['issuer:login.missing'] }, username: name });
    const operator = await ctx.issuer.authenticate(name, password.slice(0, 200));
    if (!operator) return res.status(401).render('issuer/login', { errors: { form: ['issuer:login.wrong'] }, username: name });
    renewSession(
      req,
      (session) => (session.operatorId = operator.id),
      (error) => (error ? next(error) : res.redirect(303, paths.issuer.home)),
    );
  });

  router.post(routes.issuer.logout, (req, res) => {
    delete req.session.operatorId;
    res.redirect(303, paths.issuer.login);
  });

  router.get(routes.issuer.home, requireOperator, (req, res) => {
    const query = typeof req.query.q === 'string' ? req.query.q.slice(0, 100) : '';
    res.render('issuer/home', { query, hits: query ? ctx.issuer.search(query) : null });
  });

  router.get(routes.issuer.citizen, requireOperator, (req, res) => {
    const done = typeof req.query.done === 'string' && (actions as readonly string[]).includes(req.query.done) ? req.query.done : null;
    renderFile(res, 200, Number(req.params.id), { done });
  });

  router.post(routes.issuer.action, requireOperator, async (req, res) => {
    const id = Number(req.params.id);
    const action = String(req.params.action) as IssuerAction;
    if (!Number.isSafeInteger(id) || !actions.includes(action) || !ctx.issuer.file(id)) throw new NotFound();
    const fields = formFields(req.body, ['reason', 'confirm'] as const);
    const needsReason = action === 'block' || action === 'revoke';
    const reason = isIssuerReason(fields.reason) ? fields.reason : undefined;
    const form = { reason: fields.reason };
    if (needsReason && !reason)
      return renderFile(res, 400, id, { form, errors: { [`${action}-reason`]: ['issuer:errors.reasonMissing'] } });
    if (action === 'revoke' && fields.confirm !== 'yes') {
      return renderFile(res, 400, id, { form, errors: { 'revoke-confirm': ['issuer:errors.confirmMissing'] } });
    }
    const result = await ctx.issuer.act(id, action, reason, res.locals.operator);
    if (!result.ok) return renderFile(res, 409, id, { form, errors: { form: [result.message] } });
    res.redirect(303, `${paths.issuer.citizen(id)}?done=${action}`);
  });

  return router;
}
