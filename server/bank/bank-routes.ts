import { Router, type Request, type Response } from 'express';
import { requireCitizen } from '../common/auth.ts';
import { StepOutOfOrder } from '../common/errors.ts';
import { refusalMessage } from '../web/refusal.ts';
import { keyStepSchema } from '../login/login-validation.ts';
import { fieldErrors, formText } from '../web/form.ts';
import type { DigitalPost } from '../context.ts';
import { paths, routes } from '../paths.ts';
import '../signature/confirmation-session.ts';
import { refusalText } from '../mitid/mitid-controller.ts';
import { mitidConfirmation } from '../mitid/mitid-confirmation.ts';
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
    res.status(status).render('services/bank', {
      kr: (ore: number) => formatKroner(ore, res.locals.lang),
      overview: bank.overview(citizenOf(req)),
      errors,
      form,
      done: req.query.done === 'transferred',
    });
  };

  const confirmPage = (
    req: Request,
    res: Response,
    status: number,
    feedback: { key: string; params: Record<string, unknown> } | null,
    errors: Record<string, string[]>,
  ) => {
    const transfer = req.session.bankTransfer;
    if (!transfer) throw new StepOutOfOrder();
    const challenge = confirmation.challenge(req.session.citizenId!);
    if ('kind' in challenge) {
      delete req.session.bankTransfer;
      res.status(423).render('signature/refused', { message: refusalMessage(challenge, res.locals.time) });
      return;
    }
    res
      .status(status)
      .render('services/bank-confirm', { kr: (ore: number) => formatKroner(ore, res.locals.lang), transfer, challenge, feedback, errors });
  };

  const withMitid = mitidConfirmation(mitid);

  const mitidPage = (req: Request, res: Response, status: number, errors: Record<string, string[]> = {}, errorParams = {}) => {
    const locals = withMitid.locals(req, req.session.bankMitidRequest);
    if (locals.refusal) {
      delete req.session.bankTransfer;
      res.status(423).render('signature/refused', { message: refusalText(locals.refusal, res.locals.time) });
      return;
    }
    res.status(status).render('mitid/bank-confirm', {
      kr: (ore: number) => formatKroner(ore, res.locals.lang),
      transfer: req.session.bankTransfer!,
      ...locals,
      errors,
      errorParams,
    });
  };

  const done = (req: Request, res: Response, transfer: Transfer) => {
    delete req.session.bankTransfer;
    delete req.session.bankMitidRequest;
    if (!bank.transfer(citizenOf(req), transfer)) return home(req, res, 400, { amount: ['services:bank.errors.balance'] });
    res.redirect(303, `${paths.bank.home}?done=transferred`);
  };

  /** The MitID answer to a transfer: the app's approve or reject, or the code display's code. */
  const confirmWithMitid = (req: Request, res: Response, transfer: Transfer) => {
    const answer = withMitid.answer(req, req.session.bankMitidRequest);
    if (answer.kind === 'ok') return done(req, res, transfer);
    if (answer.kind === 'again') return mitidPage(req, res, answer.status, answer.errors, answer.errorParams);
    delete req.session.bankTransfer;
    delete req.session.bankMitidRequest;
    home(req, res, answer.status, { form: [answer.key] });
  };

  const signedIn = requireCitizen('bank');
  router.get(routes.bank.home, signedIn, (req, res) => home(req, res, 200, {}));
  router.post(routes.bank.transfer, signedIn, (req: Request, res: Response) => {
    const form = {
      toAccount: formText(req.body, 'toAccount').slice(0, 40),
      amount: formText(req.body, 'amount').slice(0, 40),
      text: formText(req.body, 'text').slice(0, 100),
    };
    const result = bank.check(citizenOf(req), form);
    if (!result.ok) return home(req, res, 400, result.errors, form);
    req.session.bankTransfer = result.transfer;
    if (withMitid.active(req)) {
      const reference = res.locals.t('mitid:bank.reference', {
        amount: formatKroner(result.transfer.amountOre, res.locals.lang),
        account: result.transfer.toAccount,
      });
      req.session.bankMitidRequest = withMitid.start(req, 'bank', 'APPROVE', reference);
    }
    res.redirect(303, paths.bank.confirm);
  });
  router.get(routes.bank.confirm, signedIn, (req, res) => {
    if (!withMitid.active(req)) return confirmPage(req, res, 200, null, {});
    if (!req.session.bankTransfer) throw new StepOutOfOrder();
    mitidPage(req, res, 200);
  });
  router.post(routes.bank.showCode, signedIn, (req: Request, res: Response) => {
    if (!withMitid.active(req) || !req.session.bankTransfer) throw new StepOutOfOrder();
    if (!withMitid.press(req)) return mitidPage(req, res, 423);
    res.redirect(303, paths.bank.confirm);
  });
  router.post(routes.bank.confirm, signedIn, (req: Request, res: Response) => {
    const transfer = req.session.bankTransfer;
    if (!transfer) throw new StepOutOfOrder();
    if (withMitid.active(req)) return confirmWithMitid(req, res, transfer);
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
    delete req.session.bankMitidRequest;
    res.redirect(303, paths.bank.home);
  });
  return router;
}
