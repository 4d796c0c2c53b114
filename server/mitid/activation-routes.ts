import { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { Context } from '../context.ts';
import { StepOutOfOrder } from '../common/errors.ts';
import { notCached } from '../login/login-journey.ts';
import { formText } from '../web/form.ts';
import { paths, routes } from '../paths.ts';
import type { ActivationRoute, ActivationService } from './activation-service.ts';

/** Getting MitID, step by step: the passport (route `passport`), then the user ID, the password, and the app is set up. */
interface ActivationJourney {
  citizenId: number;
  route: ActivationRoute;
  step: 'chip' | 'userId' | 'password';
  userId?: string;
}

declare module 'express-session' {
  interface SessionData {
    mitidActivation?: ActivationJourney;
  }
}

type Errors = Record<string, string[]>;

/**
 * Getting MitID (docs/mitid.md, "Getting MitID" and "From NemID to MitID"): in the app
 * with the fictional passport beside the page, or on MitID.dk after a NemID login. Every
 * bad input is answered on the same step with what was typed kept (passwords excepted).
 */
export function activationRoutes(
  ctx: Pick<Context, 'citizens' | 'mitid'> & { activation: ActivationService },
  limit: RequestHandler,
): Router {
  const { activation } = ctx;
  const router = Router();
  router.use([routes.mitid.get, routes.mitid.activate], notCached);

  const journeyOf = (req: Request): ActivationJourney => {
    const journey = req.session.mitidActivation;
    if (!journey || ctx.mitid.identityOf(journey.citizenId)) throw new StepOutOfOrder();
    return journey;
  };

  const render = (req: Request, res: Response, status: number, locals: { errors?: Errors; typed?: string } = {}) => {
    const journey = req.session.mitidActivation;
    const citizen = journey && ctx.citizens.findById(journey.citizenId);
    const passport = journey?.route === 'passport' && citizen ? activation.passportOf(citizen) : null;
    res
      .status(status)
      .render('mitid/activation', { journey: journey ?? null, passport, errors: locals.errors ?? {}, typed: locals.typed ?? '' });
  };

  /** MitID.dk's own page for a NemID holder [S44]: log in with NemID first (user ID, password, key code). */
  router.get(routes.mitid.get, (req, res) => {
    const citizenId = req.session.loggedInWith === 'nemid' ? req.session.citizenId : undefined;
    const kind = citizenId === undefined ? null : ctx.mitid.kindOf(citizenId);
    res.render('mitid/activation-get', { loggedIn: citizenId !== undefined, kind });
  });

  router.post(routes.mitid.get, (req, res) => {
    const citizenId = req.session.loggedInWith === 'nemid' ? req.session.citizenId : undefined;
    if (citizenId === undefined || ctx.mitid.kindOf(citizenId) !== 'nemid') {
      res.redirect(303, paths.mitid.get);
      return;
    }
    req.session.mitidActivation = { citizenId, route: 'nemid', step: 'userId' };
    res.redirect(303, paths.mitid.activate);
  });

  router.get(routes.mitid.activate, (req, res) => {
    const journey = req.session.mitidActivation;
    if (journey && ctx.mitid.identityOf(journey.citizenId)) {
      res.redirect(303, paths.mitid.done);
      return;
    }
    render(req, res, 200, { typed: journey?.userId ?? '' });
  });

  /** The passport's code line, typed from the passport in the sandbox (the app scans it [S27]). */
  router.post(routes.mitid.passport, limit, (req, res) => {
    const typed = formText(req.body, 'passport').slice(0, 20);
    if (typed.trim() === '') {
      req.session.mitidActivation = undefined;
      render(req, res, 400, { errors: { passport: ['mitidactivation:errors.passportMissing'] }, typed });
      return;
    }
    const citizen = activation.byPassport(typed);
    if (!citizen) {
      req.session.mitidActivation = undefined;
      render(req, res, 401, { errors: { passport: ['mitidactivation:errors.passportUnknown'] }, typed });
      return;
    }
    req.session.mitidActivation = { citizenId: citizen.id, route: 'passport', step: 'chip' };
    res.redirect(303, paths.mitid.activate);
  });

  router.post(routes.mitid.chip, (req, res) => {
    const journey = journeyOf(req);
    if (journey.route !== 'passport' || journey.step !== 'chip') throw new StepOutOfOrder();
    activation.chipRead(ctx.citizens.findById(journey.citizenId)!);
    journey.step = 'userId';
    res.redirect(303, paths.mitid.activate);
  });

  router.post(routes.mitid.userId, limit, (req, res) => {
    const journey = journeyOf(req);
    if (journey.step === 'chip') throw new StepOutOfOrder();
    const typed = formText(req.body, 'userId').slice(0, 100);
    const problems =
      typed === '' ? ['mitidactivation:errors.userIdMissing'] : activation.userIdProblems(ctx.citizens.findById(journey.citizenId)!, typed);
    if (problems.length > 0) {
      journey.step = 'userId';
      render(req, res, 400, { errors: { userId: problems }, typed });
      return;
    }
    journey.userId = typed;
    journey.step = 'password';
    res.redirect(303, paths.mitid.activate);
  });

  router.post(routes.mitid.password, limit, async (req: Request, res: Response, next: NextFunction) => {
    try {
      const journey = journeyOf(req);
      if (journey.step !== 'password' || journey.userId === undefined) throw new StepOutOfOrder();
      const password = formText(req.body, 'password').slice(0, 200);
      const repeat = formText(req.body, 'repeat').slice(0, 200);
      const problems = password === '' ? ['mitidactivation:errors.passwordMissing'] : activation.passwordProblems(journey.userId, password);
      const errors: Errors = {};
      if (problems.length > 0) errors.password = problems;
      else if (repeat !== password) errors.repeat = ['mitidactivation:errors.repeatDiffers'];
      if (Object.keys(errors).length > 0) {
        render(req, res, 400, { errors, typed: journey.userId });
        return;
      }
      const outcome = await activation.activate(journey.citizenId, journey.route, journey.userId, password);
      if (outcome === 'taken') {
        journey.step = 'userId';
        render(req, res, 409, { errors: { userId: ['mitidactivation:errors.userIdTaken'] }, typed: journey.userId });
        return;
      }
      res.redirect(303, paths.mitid.done);
    } catch (error) {
      next(error);
    }
  });

  router.get(routes.mitid.done, (req, res) => {
    const journey = req.session.mitidActivation;
    const identity = journey && ctx.mitid.identityOf(journey.citizenId);
    if (!journey || !identity) throw new StepOutOfOrder();
    res.render('mitid/activation-done', { identity, route: journey.route, kind: ctx.mitid.kindOf(journey.citizenId) });
  });

  return router;
}
