import { Router, type Request, type Response } from 'express';
import { requireCitizen } from '../common/auth.ts';
import { StepOutOfOrder } from '../common/errors.ts';
import { refusalMessage } from '../web/refusal.ts';
import { keyStepSchema } from '../login/login-validation.ts';
import { fieldErrors, formText } from '../web/form.ts';
import type { DigitalPost } from '../context.ts';
import { paths, routes } from '../paths.ts';
import '../signature/confirmation-session.ts';
import { formatKroner } from './bank-service.ts';

/** The online bank (R2): balance, payslip deposits, and a transfer confirmed with a key code. */
export function bankRoutes(post: DigitalPost): Router {
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

  const signedIn = requireCitizen('bank');
  router.get(routes.bank.home, signedIn, (req, res) => home(req, res, 200, {}));
  router.post(routes.bank.transfer, signedIn, (req: Request, res: Response) => {
    const form = { toAccount: formText(req.body, 'toAccount').slice(0, 40), amount: formText(req.body, 'amount').slice(0, 40), text: formText(req.body, 'text').slice(0, 100) };
    const result = bank.check(citizenOf(req), form);
    if (!result.ok) return home(req, res, 400, result.errors, form);
    req.session.bankTransfer = result.transfer;
    res.redirect(303, paths.bank.confirm);
  });
  router.get(routes.bank.confirm, signedIn, (req, res) => confirmPage(req, res, 200, null, {}));
  router.post(routes.bank.confirm, signedIn, (req: Request, res: Response) => {
    const transfer = req.session.bankTransfer;
    if (!transfer) throw new StepOutOfOrder();
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
  router.post(routes.bank.cancel, signedIn, (req: Request, res: Response) => {
    delete req.session.bankTransfer;
    res.redirect(303, paths.bank.home);
  });
  return router;
}
