import { Router } from 'express';
import { requireCitizen } from '../common/auth.ts';
import type { Context } from '../context.ts';
import { routes } from '../paths.ts';
import { mitidAppController } from './app-controller.ts';

/** The trainee's MitID app outside a login, and the header link to it on every page of a trainee who holds MitID. */
export function mitidAppRoutes(ctx: Pick<Context, 'mitid' | 'workshop'>): Router {
  const controller = mitidAppController(ctx.mitid, (citizenId, classId) => ctx.workshop.mitidAttacks.deliverDue(citizenId, classId));
  const citizen = requireCitizen('post');
  const router = Router();
  router.use(controller.badge);
  router.get(routes.mitid.app, citizen, controller.show);
  router.get(routes.mitid.appRequest, citizen, controller.showRequest);
  router.post(routes.mitid.appRequest, citizen, controller.decide);
  return router;
}
