import type { Request, Response } from 'express';
import { NotFound, StepOutOfOrder } from '../common/errors.ts';
import type { Lang } from '../common/i18n.ts';
import { refusalMessage } from '../web/refusal.ts';
import type { Refusal } from '../login/login-service.ts';
import { keyStepSchema } from '../login/login-validation.ts';
import { fieldErrors, formText } from '../web/form.ts';
import type { DigitalPost } from '../context.ts';
import { idFrom } from '../web/ids.ts';
import { contractText, type ContractSpec } from '../mailbox/contract-text.ts';
import { textIn } from '../mailbox/types.ts';
import { paths } from '../paths.ts';
import { mitidConfirmation } from '../mitid/mitid-confirmation.ts';
import { refusalText } from '../mitid/mitid-controller.ts';
import type { MitidService } from '../mitid/mitid-service.ts';
import './confirmation-session.ts';

const me = (req: Request): number => req.session.citizenId!;

/** The letter whose password step succeeded; the key step refuses to run without one. */
function signingLetter(req: Request): number {
  const id = req.session.signing?.letterId;
  if (id === undefined) throw new StepOutOfOrder();
  return id;
}

function letterId(req: Request): number {
  const id = idFrom(req.params.id);
  if (id === undefined) throw new NotFound();
  return id;
}

/**
 * Signing a document with NemID (R3): the document and the password, then a key code.
 * After a MitID login, with MitID: a request with the action SIGN in the app [S33], or a
 * code from the code display.
 */
export function signatureController(post: DigitalPost, mitid?: MitidService) {
  const { signatures, confirmation } = post;
  const withMitid = mitidConfirmation(mitid);

  const mitidPage = (req: Request, res: Response, status: number, errors: Record<string, string[]> = {}, errorParams = {}) => {
    const locals = withMitid.locals(req, req.session.signing?.mitidRequest);
    if (locals.refusal) {
      res.status(423).render('signature/refused', { message: refusalText(locals.refusal, res.locals.time) });
      return;
    }
    res.status(status).render('mitid/sign-confirm', { ...documentLocals(req, res, signingLetter(req)), ...locals, errors, errorParams });
  };

  const signed = (req: Request, res: Response, id: number) => {
    delete req.session.signing;
    signatures.sign(post.citizen(me(req)), id);
    res.redirect(303, `${paths.post.letter(id)}?done=signed`);
  };

  const documentLocals = (req: Request, res: Response, id = letterId(req)) => {
    const letter = signatures.document(me(req), id);
    const lang = res.locals.lang as Lang;
    const contract = letter.data.contract as ContractSpec | undefined;
    return {
      letter,
      subject: textIn(letter.subject, lang),
      contract: contract && contractText(contract, letter, post.citizen(me(req)).name, lang),
    };
  };

  const refused = (res: Response, refusal: Refusal) => {
    const message = refusalMessage(refusal, res.locals.time);
    res.status(refusal.kind === 'locked' ? 423 : 403).render('signature/refused', { message });
  };

  const keyPage = (
    req: Request,
    res: Response,
    status: number,
    feedback: { key: string; params: Record<string, unknown> } | null,
    errors: Record<string, string[]>,
  ) => {
    const challenge = confirmation.challenge(me(req));
    if ('kind' in challenge) return refused(res, challenge);
    res.status(status).render('signature/key', { ...documentLocals(req, res, signingLetter(req)), challenge, feedback, errors });
  };

  return {
    show(req: Request, res: Response): void {
      const locals = documentLocals(req, res);
      if (signatures.signatureOf(me(req), locals.letter.id)) return res.redirect(303, paths.post.letter(locals.letter.id));
      res.render('signature/sign', { ...locals, errors: {}, withMitid: withMitid.active(req) });
    },

    async password(req: Request, res: Response): Promise<void> {
      const locals = documentLocals(req, res);
      if (withMitid.active(req)) {
        if (signatures.signatureOf(me(req), locals.letter.id)) return res.redirect(303, paths.post.letter(locals.letter.id));
        req.session.signing = { letterId: locals.letter.id, mitidRequest: withMitid.start(req, 'post', 'SIGN', locals.subject) };
        res.redirect(303, paths.post.signKey);
        return;
      }
      const password = formText(req.body, 'password');
      if (password === '' || password.length > 100) {
        res.status(400).render('signature/sign', { ...locals, errors: { password: ['login:errors.passwordMissing'] } });
        return;
      }
      const outcome = await confirmation.password(me(req), password);
      if (outcome === 'wrong') {
        res.status(401).render('signature/sign', { ...locals, errors: { password: ['signature:errors.wrongPassword'] } });
        return;
      }
      if (outcome !== 'ok') return refused(res, outcome);
      req.session.signing = { letterId: locals.letter.id };
      res.redirect(303, paths.post.signKey);
    },

    showKey(req: Request, res: Response): void {
      if (withMitid.active(req)) return mitidPage(req, res, 200);
      keyPage(req, res, 200, null, {});
    },

    pressCodeDisplay(req: Request, res: Response): void {
      signingLetter(req);
      if (!withMitid.active(req)) throw new StepOutOfOrder();
      if (!withMitid.press(req)) return mitidPage(req, res, 423);
      res.redirect(303, paths.post.signKey);
    },

    key(req: Request, res: Response): void {
      const id = signingLetter(req);
      if (withMitid.active(req)) {
        const answer = withMitid.answer(req, req.session.signing?.mitidRequest);
        if (answer.kind === 'ok') return signed(req, res, id);
        if (answer.kind === 'again') return mitidPage(req, res, answer.status, answer.errors, answer.errorParams);
        delete req.session.signing;
        res.status(answer.status).render('signature/refused', { message: { key: answer.key, params: {} } });
        return;
      }
      const parsed = keyStepSchema.safeParse(req.body ?? {});
      if (!parsed.success) return keyPage(req, res, 400, null, fieldErrors(parsed.error));
      const outcome = confirmation.answer(me(req), parsed.data.code, 'signature', 'R3');
      if (outcome.kind === 'ok') return signed(req, res, id);
      if (outcome.kind === 'refused') {
        delete req.session.signing;
        return refused(res, outcome.refusal);
      }
      if (outcome.kind === 'stale') return keyPage(req, res, 409, { key: 'login:errors.stale', params: {} }, {});
      keyPage(req, res, 401, { key: 'signature:errors.wrongCode', params: { asked: outcome.askedKey, count: outcome.triesLeft } }, {});
    },
  };
}
