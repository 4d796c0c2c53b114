import { Router, type RequestHandler } from 'express';
import { routes } from '../paths.ts';
import { loginController } from './login-controller.ts';
import { notCached, requireStep } from './login-journey.ts';
import type { LoginService } from './login-service.ts';

export function loginRoutes(login: LoginService, limit: RequestHandler): Router {
  const controller = loginController(login);
  const router = Router();
  router.use(routes.login.start, notCached); // and every step under it
  router.get(routes.login.start, controller.showStart);
  router.post(routes.login.start, limit, controller.submitPassword);
  router.get(routes.login.newPassword, requireStep('choose-password'), controller.showNewPassword);
  router.post(routes.login.newPassword, limit, requireStep('choose-password'), controller.submitNewPassword);
  router.get(routes.login.key, requireStep('key'), controller.showKey);
  router.post(routes.login.key, limit, requireStep('key'), controller.submitKey);
  router.post(routes.login.cancel, controller.cancel);
  router.post(routes.logout, controller.logout);
  return router;
}
