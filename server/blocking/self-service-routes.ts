import { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { Citizen } from '../citizen/types.ts';
import type { Context } from '../context.ts';
import { formatCardNumber } from '../keycard/types.ts';
import { refusalMessage } from '../web/refusal.ts';
import { passwordStepSchema } from '../login/login-validation.ts';
import { fieldErrors, formFields } from '../web/form.ts';
import { paths, routes, temporaryPasswordBack } from '../paths.ts';
import { blockSchema, changePasswordSchema, temporaryPasswordSchema } from './blocking-validation.ts';
import type { PasswordChangeOutcome } from './self-service-service.ts';
import { forgetLoginOf, renewSession } from './session.ts';
import { userBlockReasons } from './types.ts';

type Deps = Pick<Context, 'selfService' | 'blocking' | 'temporaryPasswords' | 'keycards' | 'classes' | 'clock' | 'citizens'>;

/** The issuer's self-service site at `/nemid` (R13, R14): sign in without a key, block, order cards. */
export function selfServiceRoutes(ctx: Deps, limit: RequestHandler): Router {
  const router = Router();

  const signedIn = (req: Request): Citizen | undefined => {
    const id = req.session.selfService?.citizenId;
    const citizen = id === undefined ? undefined : ctx.selfService.signedIn(id);
    if (id !== undefined && !citizen) delete req.session.selfService;
    return citizen;
  };

  const requireSignedIn = (req: Request, res: Response, next: NextFunction) => {
    const citizen = signedIn(req);
    if (!citizen) return res.redirect(303, paths.nemid.home);
    res.locals.citizen = citizen;
    next();
  };

  const renderAccount = (res: Response, status: number, citizen: Citizen, locals: Record<string, unknown> = {}) => {
    const now = ctx.clock.now(citizen.classId);
    const cards = ctx.keycards.cardsOf(citizen.id);
    const held = ctx.keycards.activeCard(citizen.id) ?? cards.filter((card) => card.status === 'blocked').at(-1);
    const sent = ctx.keycards.cardOnItsWay(citizen.id);
    const settings = ctx.classes.findById(citizen.classId)!.settings;
    res.status(status).render('blocking/account', {
      citizen,
      reason: citizen.state === 'active' ? null : ctx.blocking.reasonOf(citizen.id),
      card: held && { number: formatCardNumber(held.cardNumber), status: held.status },
      keysLeft: held ? ctx.keycards.keysLeft(held) : 0,
      onItsWay: sent && { number: formatCardNumber(sent.cardNumber), arrivesAt: sent.arrivesAt },
      extraLeft: Math.max(0, settings.maxExtraCards - ctx.keycards.extraCardsOrdered(citizen.id)),
      now,
      reasons: userBlockReasons,
      reasonValue: '',
      errors: {},
      notice: null,
      ...locals,
    });
  };

  const renderHome = (res: Response, status: number, locals: Record<string, unknown> = {}) =>
    res.status(status).render('blocking/home', { errors: {}, identifier: '', refusal: null, notice: null, ...locals });

  router.get(routes.nemid.home, (req, res) => {
    const citizen = signedIn(req);
    if (!citizen)
      return renderHome(res, 200, { notice: req.query.signedOut === '1' ? { key: 'blocking:home.signedOut', params: {} } : null });
    const done = typeof req.query.done === 'string' && /^[a-z-]{1,20}$/.test(req.query.done) ? req.query.done : null;
    renderAccount(res, 200, citizen, { notice: done ? { key: `blocking:account.done.${done}`, params: {} } : null });
  });

  router.post(routes.nemid.signIn, limit, async (req, res, next) => {
    const fields = formFields(req.body, ['identifier', 'password'] as const);
    const identifier = fields.identifier.slice(0, 100);
    const parsed = passwordStepSchema.safeParse(fields);
    if (!parsed.success) return renderHome(res, 400, { identifier, errors: fieldErrors(parsed.error) });
    const outcome = await ctx.selfService.signIn(parsed.data.identifier, parsed.data.password);
    if (outcome.kind === 'wrong') return renderHome(res, 401, { identifier, errors: { form: ['login:errors.wrongCredentials'] } });
    if (outcome.kind === 'pending') return renderHome(res, 403, { identifier, errors: { form: ['blocking:errors.pending'] } });
    if (outcome.kind !== 'ok') {
      // An 8-hour lock is waited out: the page shows until when, and who lets the time pass.
      const lockedId =
        outcome.kind === 'locked' && outcome.code === 'LOCK001' ? ctx.citizens.findByIdentifier(parsed.data.identifier)?.id : undefined;
      return renderHome(res, 403, { identifier, refusal: refusalMessage(outcome, res.locals.time), lockedId });
    }
    renewSession(
      req,
      (session) => Object.assign(session, { selfService: { citizenId: outcome.citizen.id }, letterboxOf: outcome.citizen.id }),
      (error) => (error ? next(error) : res.redirect(303, paths.nemid.home)),
    );
  });

  router.post(routes.nemid.signOut, (req, res) => {
    delete req.session.selfService;
    res.redirect(303, `${paths.nemid.home}?signedOut=1`);
  });

  router.post(routes.nemid.block, requireSignedIn, (req, res) => {
    const citizen: Citizen = res.locals.citizen;
    const parsed = blockSchema.safeParse(formFields(req.body, ['reason'] as const));
    if (!parsed.success) return renderAccount(res, 400, citizen, { errors: fieldErrors(parsed.error) });
    const result = ctx.selfService.block(citizen.id, parsed.data.reason);
    if (!result.ok) return renderAccount(res, 409, citizen, { errors: { form: [result.message] } });
    forgetLoginOf(req, res, citizen.id);
    res.redirect(303, `${paths.nemid.home}?done=blocked`);
  });

  router.post(routes.nemid.card, requireSignedIn, (req, res) => {
    const citizen: Citizen = res.locals.citizen;
    const result = ctx.blocking.orderCard(citizen.id, { actor: 'trainee', channel: 'self-service' });
    if (!result.ok) return renderAccount(res, 409, citizen, { errors: { form: [result.message] } });
    res.redirect(303, `${paths.nemid.home}?done=card`);
  });

  router.get(routes.nemid.password, requireSignedIn, (_req, res) => {
    res.render('blocking/password', { question: ctx.selfService.keyQuestion(res.locals.citizen), errors: {} });
  });

  router.post(routes.nemid.password, limit, requireSignedIn, async (req, res) => {
    const citizen: Citizen = res.locals.citizen;
    const parsed = changePasswordSchema.safeParse(formFields(req.body, ['password', 'repeat', 'code'] as const));
    const input = parsed.success ? parsed.data : { password: '', repeat: '', code: '' };
    const outcome: PasswordChangeOutcome = parsed.success
      ? await ctx.selfService.changePassword(citizen.id, input)
      : { kind: 'invalid', errors: fieldErrors(parsed.error) };
    if (outcome.kind === 'changed') {
      forgetLoginOf(req, res, citizen.id);
      return res.redirect(303, `${paths.nemid.home}?done=password`);
    }
    if (outcome.kind !== 'invalid') {
      delete req.session.selfService;
      return renderHome(res, 423, { refusal: refusalMessage(outcome, res.locals.time) });
    }
    const fresh = ctx.selfService.signedIn(citizen.id);
    res.status(400).render('blocking/password', {
      question: fresh && ctx.selfService.keyQuestion(fresh),
      errors: outcome.errors,
      triesLeft: outcome.triesLeft,
    });
  });

  router.get(routes.nemid.temporaryPassword, (req, res) => {
    res.render('blocking/temporary-password', { errors: {}, identifier: '', cardNumber: '', back: temporaryPasswordBack(req.query.from) });
  });

  router.post(routes.nemid.temporaryPassword, limit, async (req, res) => {
    const fields = formFields(req.body, ['identifier', 'cardNumber', 'from'] as const);
    const kept = {
      identifier: fields.identifier.slice(0, 100),
      cardNumber: fields.cardNumber.slice(0, 20),
      back: temporaryPasswordBack(fields.from),
    };
    const parsed = temporaryPasswordSchema.safeParse(fields);
    if (!parsed.success) return res.status(400).render('blocking/temporary-password', { ...kept, errors: fieldErrors(parsed.error) });
    const result = await ctx.temporaryPasswords.order(parsed.data.identifier, parsed.data.cardNumber);
    if (!result.ok && result.message === 'blocking:temporary.mismatch') {
      return res.status(400).render('blocking/temporary-password', { ...kept, errors: { form: [result.message] } });
    }
    if (!result.ok) {
      // A right user ID with a card that cannot be used: say what to do instead, and what to wait for.
      if (result.citizenId !== undefined) req.session.letterboxOf = result.citizenId;
      const refusal = { key: result.message, params: { date: result.arrivesAt === undefined ? '' : res.locals.time(result.arrivesAt) } };
      return res.status(409).render('blocking/temporary-password', { ...kept, errors: {}, refusal, citizenId: result.citizenId ?? null });
    }
    forgetLoginOf(req, res, result.citizenId);
    req.session.letterboxOf = result.citizenId;
    res.render('blocking/temporary-password', { ...kept, errors: {}, arrivesAt: result.arrivesAt, citizenId: result.citizenId });
  });

  return router;
}
