import { Router, type Request, type Response } from 'express';
import { requireCitizen } from '../common/auth.ts';
import { StepOutOfOrder } from '../common/errors.ts';
import { refusalMessage } from '../login/login-controller.ts';
import { fieldErrors, formText, keyStepSchema } from '../login/login-validation.ts';
import type { DigitalPost } from '../digital-post.ts';
import { paths } from '../paths.ts';
import '../signature/confirmation-session.ts';
import { refusalText } from '../mitid/mitid-controller.ts';
import type { MitidService } from '../mitid/mitid-service.ts';
import { formatKroner, type Transfer } from './bank-service.ts';

/**
 * The online bank (R2): balance, payslip deposits, and a transfer confirmed with a key code;
 * after a MitID login, confirmed with MitID instead: approved in the app (its request shows
 * the transfer as reference text [S33]) or with a code from the code display.
 */
export function bankRoutes(post: DigitalPost, mitid?: MitidService): Router {
  const router = Router();
  const { bank, confirmation } = post;
  const citizenOf = (req: Request) => post.citizen(req.session.citizenId!);
  const empty = { toAccount: '', amount: '', text: '' };

  const home = (req: Request, res: Response, status: number, errors: Record<string, string[]>, form = empty) => {
    res.status(status).render('services/bank', { kr: (ore: number) => formatKroner(ore, res.locals.lang), overview: bank.overview(citizenOf(req)), errors, form, done: req.query.done === 'transferred' });
  };

  const confirmPage = (req: Request, res: Response, status: number, feedback: { key: string; params: Record<string, unknown> } | null, errors: Record<string, string[]>) => {
    const transfer = req.session.bankTransfer;
    if (!transfer) throw new StepOutOfOrder();
    const challenge = confirmation.challenge(req.session.citizenId!);
    if ('kind' in challenge) {
      delete req.session.bankTransfer;
      res.status(423).render('signature/refused', { message: refusalMessage(challenge, res.locals.time) });
      return;
    }
    res.status(status).render('services/bank-confirm', { kr: (ore: number) => formatKroner(ore, res.locals.lang), transfer, challenge, feedback, errors });
  };

  /** The MitID of a citizen who logged in with MitID; a NemID login confirms with the key card as before. */
  const mitidOf = (req: Request) => (mitid && req.session.loggedInWith === 'mitid' && mitid.identityOf(req.session.citizenId!) ? mitid : undefined);
  const kindOf = (m: MitidService, req: Request) => m.identityOf(req.session.citizenId!)?.lastKind ?? 'app';

  const mitidPage = (req: Request, res: Response, m: MitidService, status: number, errors: Record<string, string[]> = {}, errorParams = {}) => {
    const transfer = req.session.bankTransfer!;
    const citizenId = req.session.citizenId!;
    const kind = kindOf(m, req);
    const refusal = m.refusal(citizenId, kind);
    if (refusal) {
      delete req.session.bankTransfer;
      res.status(423).render('signature/refused', { message: refusalText(refusal, res.locals.time) });
      return;
    }
    const request = req.session.bankMitidRequest === undefined ? undefined : m.request(citizenId, req.session.bankMitidRequest);
    const screen = typeof req.query.device === 'string' && ['open', 'confirm'].includes(req.query.device) ? req.query.device : 'notification';
    const device = kind === 'code-display' ? m.authenticators(citizenId).find((found) => found.kind === 'code-display') : undefined;
    res.status(status).render('mitid/bank-confirm', { kr: (ore: number) => formatKroner(ore, res.locals.lang), transfer, kind, request, screen, device, shownCode: m.shownCode(citizenId), errors, errorParams });
  };

  const done = (req: Request, res: Response, transfer: Transfer) => {
    delete req.session.bankTransfer;
    delete req.session.bankMitidRequest;
    if (!bank.transfer(citizenOf(req), transfer)) return home(req, res, 400, { amount: ['services:bank.errors.balance'] });
    res.redirect(303, `${paths.bank.home}?done=transferred`);
  };

  /** The MitID answer to a transfer: the app's approve or reject, or the code display's code. */
  const confirmWithMitid = (req: Request, res: Response, m: MitidService, transfer: Transfer) => {
    const citizenId = req.session.citizenId!;
    if (kindOf(m, req) === 'code-display') {
      const code = formText(req.body, 'code').replace(/\s/g, '');
      if (!/^\d{6}$/.test(code)) return mitidPage(req, res, m, 400, { code: ['mitid:errors.codeFormat'] });
      const outcome = m.checkCode(citizenId, code);
      if (outcome.kind === 'ok') return done(req, res, transfer);
      if (outcome.kind === 'wrong') {
        const key = `mitid:errors.${outcome.reason}Code`;
        return mitidPage(req, res, m, 401, { code: [key] }, { [key]: { count: outcome.triesLeft } });
      }
      return mitidPage(req, res, m, 423);
    }
    const decision = formText(req.body, 'decision');
    if ((decision !== 'approve' && decision !== 'reject') || req.session.bankMitidRequest === undefined) return mitidPage(req, res, m, 400);
    const outcome = m.decide(citizenId, req.session.bankMitidRequest, decision === 'approve' ? 'approved' : 'rejected');
    if (outcome.kind === 'approved') return done(req, res, transfer);
    delete req.session.bankTransfer;
    delete req.session.bankMitidRequest;
    home(req, res, outcome.kind === 'rejected' ? 403 : 409, { form: [outcome.kind === 'rejected' ? 'mitid:bank.rejected' : 'mitid:app.expired'] });
  };

  router.use('/bank', requireCitizen('bank'));
  router.get(paths.bank.home, (req, res) => home(req, res, 200, {}));
  router.post(paths.bank.transfer, (req: Request, res: Response) => {
    const form = { toAccount: formText(req.body, 'toAccount').slice(0, 40), amount: formText(req.body, 'amount').slice(0, 40), text: formText(req.body, 'text').slice(0, 100) };
    const result = bank.check(citizenOf(req), form);
    if (!result.ok) return home(req, res, 400, result.errors, form);
    req.session.bankTransfer = result.transfer;
    const m = mitidOf(req);
    if (m && kindOf(m, req) === 'app') {
      const reference = res.locals.t('mitid:bank.reference', { amount: formatKroner(result.transfer.amountOre, res.locals.lang), account: result.transfer.toAccount }).slice(0, 130);
      req.session.bankMitidRequest = m.requestApproval(req.session.citizenId!, 'bank', 'APPROVE', reference).id;
    }
    res.redirect(303, paths.bank.confirm);
  });
  router.get(paths.bank.confirm, (req, res) => {
    const m = mitidOf(req);
    if (!m) return confirmPage(req, res, 200, null, {});
    if (!req.session.bankTransfer) throw new StepOutOfOrder();
    mitidPage(req, res, m, 200);
  });
  router.post(paths.bank.showCode, (req: Request, res: Response) => {
    const m = mitidOf(req);
    if (!m || !req.session.bankTransfer) throw new StepOutOfOrder();
    const shown = m.showCode(req.session.citizenId!);
    if ('kind' in shown) return mitidPage(req, res, m, 423);
    res.redirect(303, paths.bank.confirm);
  });
  router.post(paths.bank.confirm, (req: Request, res: Response) => {
    const transfer = req.session.bankTransfer;
    if (!transfer) throw new StepOutOfOrder();
    const m = mitidOf(req);
    if (m) return confirmWithMitid(req, res, m, transfer);
    const parsed = keyStepSchema.safeParse(req.body ?? {});
    if (!parsed.success) return confirmPage(req, res, 400, null, fieldErrors(parsed.error));
    const outcome = confirmation.answer(req.session.citizenId!, parsed.data.code, 'bank-transfer', 'R2');
    if (outcome.kind === 'ok') {
      delete req.session.bankTransfer;
      if (!bank.transfer(citizenOf(req), transfer)) return home(req, res, 400, { amount: ['services:bank.errors.balance'] });
      res.redirect(303, `${paths.bank.home}?done=transferred`);
      return;
    }
    if (outcome.kind === 'refused') {
      delete req.session.bankTransfer;
      res.status(423).render('signature/refused', { message: refusalMessage(outcome.refusal, res.locals.time) });
      return;
    }
    if (outcome.kind === 'stale') return confirmPage(req, res, 409, { key: 'login:errors.stale', params: {} }, {});
    confirmPage(req, res, 401, { key: 'signature:errors.wrongCode', params: { asked: outcome.askedKey, count: outcome.triesLeft } }, {});
  });
  router.post(paths.bank.cancel, (req: Request, res: Response) => {
    delete req.session.bankTransfer;
    delete req.session.bankMitidRequest;
    res.redirect(303, paths.bank.home);
  });
  return router;
}
