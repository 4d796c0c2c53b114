import type { Request, Response } from 'express';
import { beginSession, sessionCookieName } from '../common/security.ts';
import type { Citizen } from '../citizen/types.ts';
import { paths, serviceFrom, services, type ServiceId } from '../paths.ts';
import type { LoginService, Refusal } from './login-service.ts';
import { choosePasswordSchema, keyStepSchema, passwordStepSchema } from './login-validation.ts';
import { fieldErrors, formText } from '../web/form.ts';
import { refusalMessage } from '../web/refusal.ts';

/**
 * The login is done, by NemID or by MitID: a new session holds the citizen, so every
 * service behaves the same after either; on to the service the login was for.
 */
export function finishLogin(
  http: { req: Request; res: Response; next: (error?: unknown) => void; login: LoginService },
  citizen: Citizen,
  service: ServiceId,
  newsAfter: number | undefined,
  via: 'nemid' | 'mitid' = 'nemid',
): void {
  const { req, res, next, login } = http;
  // The join code typed in this browser before the login counts for this trainee (the teacher's lobby).
  if (req.session.joinedClass) login.recordJoin(citizen, req.session.joinedClass);
  beginSession(
    req,
    (session) => {
      session.citizenId = citizen.id;
      session.classId = citizen.classId;
      if (newsAfter !== undefined) session.newsAfter = { citizenId: citizen.id, eventId: newsAfter };
      session.loggedInTo = service;
      session.loggedInWith = via;
    },
    (error) => (error ? next(error) : res.redirect(303, services[service])),
  );
}

/** After "Afbryd" (NemID's or MitID's): back to the service when already logged in, else the front page. */
export function leaveLogin(req: Request, res: Response, service: ServiceId): void {
  // Every service asks for the login, so going back to one not logged in would only show the login again.
  if (req.session.citizenId !== undefined) {
    res.redirect(303, services[service]);
    return;
  }
  res.redirect(303, `${paths.home}?loginCancelled=1`);
}

const refusalStatus = (refusal: Refusal) => (refusal.kind === 'locked' ? 423 : 403);

/** Thin controllers of the login journey: read the request, ask the LoginService, render. */
export function loginController(login: LoginService) {
  const renderStart = (res: Response, status: number, locals: Record<string, unknown>) =>
    res.status(status).render('login/start', { errors: {}, identifier: '', notice: null, ...locals });

  return {
    showStart(req: Request, res: Response): void {
      const service = serviceFrom(req.query.service);
      // Logged in already (Back after the login, or a second login at a shared computer): say so, and offer the way on.
      const loggedIn = req.session.citizenId !== undefined && req.session.login === undefined;
      renderStart(res, 200, {
        service,
        alreadyIn: loggedIn ? services[service] : null,
        notice: req.query.waited === 'lock' ? 'letterbox:waiting.lockOver' : null,
      });
    },

    async submitPassword(req: Request, res: Response): Promise<void> {
      const service = serviceFrom(formText(req.body, 'service'));
      const parsed = passwordStepSchema.safeParse(req.body);
      const identifier = formText(req.body, 'identifier').slice(0, 100);
      if (!parsed.success) {
        renderStart(res, 400, { service, identifier, errors: fieldErrors(parsed.error) });
        return;
      }
      const outcome = await login.checkPassword(parsed.data.identifier, parsed.data.password, service);
      if (outcome.kind === 'wrong') {
        const known = outcome.triesLeft !== undefined;
        const key = known ? 'login:errors.wrongPassword' : 'login:errors.wrongCredentials';
        renderStart(res, 401, {
          service,
          identifier,
          errors: { form: [key] },
          errorParams: known ? { [key]: { count: outcome.triesLeft } } : {},
        });
        return;
      }
      if (outcome.kind === 'key' || outcome.kind === 'choose-password') {
        req.session.login = { step: outcome.kind, citizenId: outcome.citizen.id, service };
        res.redirect(303, outcome.kind === 'key' ? paths.login.key : paths.login.newPassword);
        return;
      }
      const message = refusalMessage(outcome, res.locals.time);
      // An 8-hour lock is waited out: the page shows until when, and who lets the time pass.
      const lockedId = outcome.kind === 'locked' && outcome.code === 'LOCK001' ? login.idOf(parsed.data.identifier) : undefined;
      renderStart(res, refusalStatus(outcome), { service, identifier, refusal: message, lockedId });
    },

    showNewPassword(req: Request, res: Response): void {
      res.render('login/new-password', { service: req.session.login?.service, errors: {}, userId: '' });
    },

    async submitNewPassword(req: Request, res: Response): Promise<void> {
      const journey = req.session.login!;
      const parsed = choosePasswordSchema.safeParse(req.body);
      const userId = formText(req.body, 'userId').slice(0, 100);
      if (!parsed.success) {
        res.status(400).render('login/new-password', { service: req.session.login?.service, errors: fieldErrors(parsed.error), userId });
        return;
      }
      const result = await login.choosePassword(journey.citizenId, parsed.data);
      if (!result.ok) {
        res.status(400).render('login/new-password', { service: req.session.login?.service, errors: result.errors, userId });
        return;
      }
      req.session.login = { ...journey, step: 'key' };
      res.redirect(303, paths.login.key);
    },

    showKey(req: Request, res: Response): void {
      const journey = req.session.login!;
      const challenge = login.challenge(journey.citizenId);
      if ('kind' in challenge) {
        delete req.session.login;
        renderStart(res, refusalStatus(challenge), { service: journey.service, refusal: refusalMessage(challenge, res.locals.time) });
        return;
      }
      res.render('login/key', { service: req.session.login?.service, challenge, errors: {}, feedback: null });
    },

    submitKey(req: Request, res: Response, next: (error?: unknown) => void): void {
      const journey = req.session.login!;
      const parsed = keyStepSchema.safeParse(req.body);
      if (!parsed.success) {
        const challenge = login.challenge(journey.citizenId);
        if ('kind' in challenge) {
          res.redirect(303, paths.login.key);
          return;
        }
        res
          .status(400)
          .render('login/key', { service: req.session.login?.service, challenge, errors: fieldErrors(parsed.error), feedback: null });
        return;
      }
      const outcome = login.answerKey(journey.citizenId, parsed.data.code, journey.service);
      if (outcome.kind === 'ok') {
        finishLogin({ req, res, next, login }, outcome.citizen, journey.service, journey.newsAfter);
        return;
      }
      if (outcome.kind === 'stale') {
        delete req.session.login;
        renderStart(res, 409, { service: journey.service, notice: 'login:errors.stale' });
        return;
      }
      if (outcome.kind === 'wrong') {
        const challenge = login.challenge(journey.citizenId);
        if ('kind' in challenge) return next(new Error('challenge vanished after a wrong code'));
        const feedback = outcome.typedCodeOf
          ? { key: outcome.typedCodeOf.used ? 'login:key.typedUsedKey' : 'login:key.typedOtherKey', typed: outcome.typedCodeOf.key }
          : { key: 'login:key.wrongCode', typed: '' };
        res.status(401).render('login/key', {
          service: req.session.login?.service,
          challenge,
          errors: {},
          feedback: { ...feedback, asked: outcome.askedKey, triesLeft: outcome.triesLeft },
        });
        return;
      }
      delete req.session.login;
      renderStart(res, refusalStatus(outcome), { service: journey.service, refusal: refusalMessage(outcome, res.locals.time) });
    },

    /** "Afbryd": ends the login attempt at whatever step it is; back to the service when already logged in, else the front page. */
    cancel(req: Request, res: Response): void {
      const journey = req.session.login;
      const service = journey?.service ?? serviceFrom(formText(req.body, 'service'));
      if (journey) {
        login.cancel(journey.citizenId, journey.service);
        delete req.session.login;
      }
      leaveLogin(req, res, service);
    },

    logout(req: Request, res: Response, next: (error?: unknown) => void): void {
      req.session.destroy((error) => {
        if (error) return next(error);
        res.clearCookie(sessionCookieName);
        res.redirect(303, `${paths.home}?loggedOut=1`);
      });
    },
  };
}
