import { Router, type RequestHandler } from 'express';
import type { Context } from '../context.ts';
import { notCached } from '../login/login-journey.ts';
import { paths } from '../paths.ts';
import { mitidController, requireMitid } from './mitid-controller.ts';

/** The MitID login's steps, under /login/mitid (never cached, as NemID's). */
export function mitidRoutes(ctx: Pick<Context, 'mitid' | 'login' | 'exercises'>, limit: RequestHandler): Router {
  const controller = mitidController(ctx.mitid, ctx.login, (citizenId) => ctx.exercises.newsStart(citizenId));
  const router = Router();
  router.use(paths.login.mitid, notCached);
  router.get(paths.login.mitid, controller.showStart);
  router.post(paths.login.mitid, limit, controller.submitUserId);
  router.get(paths.login.mitidApp, requireMitid('app'), controller.showApp);
  router.post(paths.login.mitidApp, limit, requireMitid('app'), controller.decideApp);
  router.post(paths.login.mitidAgain, limit, requireMitid('app'), controller.againApp);
  router.get(paths.login.mitidCode, requireMitid('code-display', false), controller.showCode);
  router.post(paths.login.mitidCode, limit, requireMitid('code-display', false), controller.submitCode);
  router.post(paths.login.mitidShowCode, requireMitid('code-display', false), controller.pressCodeDisplay);
  router.get(paths.login.mitidPassword, requireMitid('code-display', true), controller.showPassword);
  router.post(paths.login.mitidPassword, limit, requireMitid('code-display', true), controller.submitPassword);
  router.get(paths.login.mitidChoose, requireMitid(), controller.showChoose);
  router.post(paths.login.mitidChoose, limit, requireMitid(), controller.submitChoose);
  router.post(paths.login.mitidCancel, controller.cancel);
  return router;
}
