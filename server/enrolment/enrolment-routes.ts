import { Router } from 'express';
import type { Context } from '../context.ts';
import { paths } from '../paths.ts';
import { enrolmentController } from './enrolment-controller.ts';
import { letterboxController } from './letterbox-controller.ts';
import { publicAccessGuard } from './public-access.ts';

/**
 * Getting a NemID (R1, R6-R8): the guide, Borgerservice with a witness, the bank, the
 * letterbox at home and the bank's activation for public self-service. Registered before
 * the services, so that its guard refuses public self-service to a bank NemID not yet
 * activated (R7).
 */
export function enrolmentRoutes(ctx: Context, secureCookies: boolean): Router {
  const desks = enrolmentController(ctx, ctx.enrolment, secureCookies);
  const letterbox = letterboxController(ctx, ctx.enrolment);
  const router = Router();
  router.use(publicAccessGuard(ctx.enrolment));
  router.get(paths.enrolment.guide, desks.guide);
  router.get(paths.enrolment.borgerservice, desks.showBorgerservice);
  router.post(paths.enrolment.borgerservice, desks.applyAtBorgerservice);
  router.get(paths.enrolment.handedOver, desks.handedOver);
  router.get(paths.enrolment.bank, desks.showBank);
  router.post(paths.enrolment.bank, desks.applyAtBank);
  router.get(paths.enrolment.ordered, desks.ordered);
  router.get(paths.enrolment.activate, letterbox.showActivate);
  router.post(paths.enrolment.activate, letterbox.activate);
  router.get(paths.enrolment.letterbox, letterbox.letterbox);
  router.post(paths.enrolment.waitForPost, letterbox.waitForPost);
  return router;
}
