import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { StepOutOfOrder } from '../common/errors.ts';
import type { MitidJourney } from '../common/session-types.ts';
import { finishLogin, leaveLogin } from '../login/login-controller.ts';
import type { LoginService } from '../login/login-service.ts';
import { fieldErrors, formText } from '../web/form.ts';
import { paths, serviceFrom, services } from '../paths.ts';
import type { MitidRefusal, MitidService } from './mitid-service.ts';
import { authenticatorKinds, type AuthenticatorKind } from './types.ts';

const userIdSchema = z.object({ userId: z.string().trim().min(1, 'mitid:errors.userIdMissing').max(48, 'mitid:errors.userIdTooLong') });
const codeSchema = z.object({
  code: z
    .string()
    .transform((value) => value.replace(/\s/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, 'mitid:errors.codeFormat')),
});
const passwordSchema = z.object({ password: z.string().min(1, 'mitid:errors.passwordMissing').max(64, 'mitid:errors.passwordTooLong') });

/** The step a MitID page belongs to: it needs a MitID login under way with this authenticator. */
export function requireMitid(authenticator?: AuthenticatorKind, codeOk?: boolean) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const journey = req.session.mitidLogin;
    if (
      journey &&
      (authenticator === undefined || journey.authenticator === authenticator) &&
      (codeOk === undefined || Boolean(journey.codeOk) === codeOk)
    )
      return next();
    if (req.method === 'GET' && !journey && req.session.citizenId !== undefined) {
      res.redirect(303, services[req.session.loggedInTo ?? 'mynemid']);
      return;
    }
    throw new StepOutOfOrder();
  };
}

const stepOf = (kind: AuthenticatorKind) => (kind === 'app' ? paths.login.mitidApp : paths.login.mitidCode);

/** The words of a refusal (blocked MitID, suspended device, no authenticator). */
export function refusalText(refusal: MitidRefusal, time: (ms: number) => string): { key: string; params: Record<string, string> } {
  if (refusal.kind === 'suspended') return { key: 'mitid:errors.suspended', params: { until: time(refusal.until) } };
  return { key: refusal.kind === 'blocked' ? 'mitid:errors.blocked' : 'mitid:errors.noAuthenticator', params: {} };
}

/**
 * Thin controllers of the MitID login at the same /login?service=...: the user ID (M1),
 * then the authenticator the trainee holds, each shown as a simulated device beside the
 * MitID box: the app (M2, M3) or the code display and the password (M4-M6).
 */
export function mitidController(mitid: MitidService, login: LoginService, newsStart: (citizenId: number) => number) {
  const renderStart = (res: Response, status: number, locals: Record<string, unknown>) =>
    res.status(status).render('mitid/start', { errors: {}, userId: '', refusal: null, notice: null, ...locals });

  /** The app step: the box waits, the phone beside it shows the request (`device`: its screen now). */
  const renderApp = (req: Request, res: Response, status: number, locals: Record<string, unknown> = {}) => {
    const journey = req.session.mitidLogin!;
    const request = journey.requestId === undefined ? undefined : mitid.request(journey.citizenId, journey.requestId);
    const screen =
      typeof req.query.device === 'string' && ['open', 'confirm'].includes(req.query.device) ? req.query.device : 'notification';
    res.status(status).render('mitid/app', { journey, request, screen, outcome: null, ...locals });
  };

  const renderCode = (req: Request, res: Response, status: number, locals: Record<string, unknown> = {}) => {
    const journey = req.session.mitidLogin!;
    const device = mitid.authenticators(journey.citizenId).find((found) => found.kind === 'code-display');
    res.status(status).render('mitid/code', {
      journey,
      device,
      shownCode: mitid.shownCode(journey.citizenId),
      errors: {},
      errorParams: {},
      refusal: null,
      ...locals,
    });
  };

  /** Sends the browser to the authenticator's step, with a new request in the app when that is the one. */
  const toAuthenticator = (req: Request, res: Response, journey: MitidJourney) => {
    if (journey.authenticator === 'app') journey.requestId = mitid.requestApproval(journey.citizenId, journey.service).id;
    journey.codeOk = false;
    req.session.mitidLogin = journey;
    res.redirect(303, stepOf(journey.authenticator));
  };

  const done = (req: Request, res: Response, next: NextFunction) => {
    const journey = req.session.mitidLogin!;
    delete req.session.mitidLogin;
    const citizen = mitid.loggedIn(journey.citizenId, journey.service, journey.authenticator);
    finishLogin({ req, res, next, login }, citizen, journey.service, journey.newsAfter, 'mitid');
  };

  return {
    showStart(req: Request, res: Response): void {
      renderStart(res, 200, { service: serviceFrom(req.query.service) });
    },

    submitUserId(req: Request, res: Response): void {
      const service = serviceFrom(formText(req.body, 'service'));
      const userId = formText(req.body, 'userId').slice(0, 100);
      const parsed = userIdSchema.safeParse(req.body);
      if (!parsed.success) {
        renderStart(res, 400, { service, userId, errors: fieldErrors(parsed.error) });
        return;
      }
      const outcome = mitid.begin(parsed.data.userId, service);
      if (outcome.kind === 'unknown') {
        renderStart(res, 401, { service, userId, errors: { userId: ['mitid:errors.unknownUserId'] } });
        return;
      }
      if (outcome.kind !== 'ok') {
        renderStart(res, 403, { service, userId, refusal: refusalText(outcome, res.locals.time) });
        return;
      }
      toAuthenticator(req, res, {
        citizenId: outcome.citizen.id,
        service,
        authenticator: outcome.authenticator,
        held: outcome.held,
        newsAfter: newsStart(outcome.citizen.id),
      });
    },

    showApp(req: Request, res: Response): void {
      renderApp(req, res, 200);
    },

    /** The trainee's hand on the phone: approve (after the confirm) or reject the request. */
    decideApp(req: Request, res: Response, next: NextFunction): void {
      const journey = req.session.mitidLogin!;
      const decision = formText(req.body, 'decision');
      if ((decision !== 'approve' && decision !== 'reject') || journey.requestId === undefined) {
        renderApp(req, res, 400);
        return;
      }
      const outcome = mitid.decide(journey.citizenId, journey.requestId, decision === 'approve' ? 'approved' : 'rejected');
      if (outcome.kind === 'approved') {
        done(req, res, next);
        return;
      }
      if (outcome.kind === 'rejected') {
        delete req.session.mitidLogin;
        renderStart(res, 403, { service: journey.service, notice: 'mitid:app.rejected' });
        return;
      }
      renderApp(req, res, 409, { outcome: outcome.kind });
    },

    /** A new request in the app, after one timed out. */
    againApp(req: Request, res: Response): void {
      toAuthenticator(req, res, req.session.mitidLogin!);
    },

    showCode(req: Request, res: Response): void {
      renderCode(req, res, 200);
    },

    /** The code display's button: a new code on its screen. */
    pressCodeDisplay(req: Request, res: Response): void {
      const shown = mitid.showCode(req.session.mitidLogin!.citizenId);
      if ('kind' in shown) {
        renderCode(req, res, 423, { refusal: refusalText(shown, res.locals.time) });
        return;
      }
      res.redirect(303, paths.login.mitidCode);
    },

    submitCode(req: Request, res: Response): void {
      const journey = req.session.mitidLogin!;
      const parsed = codeSchema.safeParse(req.body);
      if (!parsed.success) {
        renderCode(req, res, 400, { errors: fieldErrors(parsed.error), typed: formText(req.body, 'code').slice(0, 10) });
        return;
      }
      const outcome = mitid.checkCode(journey.citizenId, parsed.data.code);
      if (outcome.kind === 'ok') {
        journey.codeOk = true;
        res.redirect(303, paths.login.mitidPassword);
        return;
      }
      if (outcome.kind === 'wrong') {
        const key = `mitid:errors.${outcome.reason}Code`;
        renderCode(req, res, 401, {
          errors: { code: [key] },
          errorParams: { [key]: { count: outcome.triesLeft } },
          typed: parsed.data.code,
        });
        return;
      }
      renderCode(req, res, 423, { refusal: refusalText(outcome, res.locals.time) });
    },

    showPassword(req: Request, res: Response): void {
      res.render('mitid/password', { errors: {}, service: req.session.mitidLogin!.service });
    },

    async submitPassword(req: Request, res: Response, next: NextFunction): Promise<void> {
      const journey = req.session.mitidLogin!;
      const parsed = passwordSchema.safeParse(req.body);
      if (!parsed.success) {
        res.status(400).render('mitid/password', { errors: fieldErrors(parsed.error), service: journey.service });
        return;
      }
      if (!(await mitid.checkPassword(journey.citizenId, parsed.data.password))) {
        res.status(401).render('mitid/password', { errors: { password: ['mitid:errors.wrongPassword'] }, service: journey.service });
        return;
      }
      done(req, res, next);
    },

    showChoose(req: Request, res: Response): void {
      res.render('mitid/choose', { journey: req.session.mitidLogin! });
    },

    /** "Skift identifikationsmetode" [S4]: another authenticator the trainee holds. */
    submitChoose(req: Request, res: Response): void {
      const journey = req.session.mitidLogin!;
      const kind = formText(req.body, 'authenticator') as AuthenticatorKind;
      if (!authenticatorKinds.includes(kind) || !journey.held.includes(kind)) {
        res.status(400).render('mitid/choose', { journey });
        return;
      }
      toAuthenticator(req, res, { ...journey, authenticator: kind });
    },

    /** "Afbryd" in the MitID box: the login ends, a request still waiting in the app with it. */
    cancel(req: Request, res: Response): void {
      const journey = req.session.mitidLogin;
      const service = journey?.service ?? serviceFrom(formText(req.body, 'service'));
      if (journey) {
        mitid.cancel(journey.citizenId, journey.service);
        delete req.session.mitidLogin;
      }
      leaveLogin(req, res, service);
    },
  };
}
