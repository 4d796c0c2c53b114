import { Router, type RequestHandler } from 'express';
import type { Context } from '../context.ts';
import { notCached } from '../login/login-journey.ts';
import { routes } from '../paths.ts';
import { mitidController, requireMitid } from './mitid-controller.ts';

/** The MitID login's steps, under /login/mitid (never cached, as NemID's). */
export function mitidRoutes(ctx: Pick<Context, 'mitid' | 'login' | 'exercises'>, limit: RequestHandler): Router {
  const controller = mitidController(ctx.mitid, ctx.login, (citizenId) => ctx.exercises.newsStart(citizenId));
  const router = Router();
  router.use(routes.login.mitid, notCached);
  router.get(routes.login.mitid, controller.showStart);
  router.post(routes.login.mitid, limit, controller.submitUserId);
  router.get(routes.login.mitidApp, requireMitid('app'), controller.showApp);
  router.post(routes.login.mitidApp, limit, requireMitid('app'), controller.decideApp);
  router.post(routes.login.mitidAgain, limit, requireMitid('app'), controller.againApp);
  router.get(routes.login.mitidCode, requireMitid('code-display', false), controller.showCode);
  router.post(routes.login.mitidCode, limit, requireMitid('code-display', false), controller.submitCode);
  router.post(routes.login.mitidShowCode, requireMitid('code-display', false), controller.pressCodeDisplay);
  router.get(routes.login.mitidPassword, requireMitid('code-display', true), controller.showPassword);
  router.post(routes.login.mitidPassword, limit, requireMitid('code-display', true), controller.submitPassword);
  router.get(routes.login.mitidChoose, requireMitid(), controller.showChoose);
  router.post(routes.login.mitidChoose, limit, requireMitid(), controller.submitChoose);
  router.post(routes.login.mitidCancel, controller.cancel);
  return router;
}
