import { Router, type RequestHandler } from 'express';
import { paths } from '../paths.ts';
import { loginController } from './login-controller.ts';
import { notCached, requireStep } from './login-journey.ts';
import type { LoginService } from './login-service.ts';

export function loginRoutes(login: LoginService, limit: RequestHandler): Router {
  const controller = loginController(login);
  const router = Router();
  router.use(paths.login.start, notCached); // and every step under it
  router.get(paths.login.start, controller.showStart);
  router.post(paths.login.start, limit, controller.submitPassword);
  router.get(paths.login.newPassword, requireStep('choose-password'), controller.showNewPassword);
  router.post(paths.login.newPassword, limit, requireStep('choose-password'), controller.submitNewPassword);
  router.get(paths.login.key, requireStep('key'), controller.showKey);
  router.post(paths.login.key, limit, requireStep('key'), controller.submitKey);
  router.post(paths.login.cancel, controller.cancel);
  router.post(paths.logout, controller.logout);
  return router;
}
