import { Router } from 'express';
import type { Context } from '../context.ts';
import { routes } from '../paths.ts';
import { enrolmentController } from './enrolment-controller.ts';
import { activationController } from './activation-controller.ts';

/**
 * Getting a NemID (R1, R6-R8): the guide, Borgerservice with a witness, the bank and
 * the bank's activation for public self-service. The public services list the guard that
 * refuses a bank NemID not yet activated (R7) on each of their routes.
 */
export function enrolmentRoutes(
  ctx: Pick<Context, 'enrolment' | 'classes' | 'citizens' | 'mailbox' | 'random'>,
  secureCookies: boolean,
): Router {
  const desks = enrolmentController(ctx, ctx.enrolment, secureCookies);
  const activation = activationController(ctx, ctx.enrolment);
  const router = Router();
  router.get(routes.enrolment.guide, desks.guide);
  router.get(routes.enrolment.borgerservice, desks.showBorgerservice);
  router.post(routes.enrolment.borgerservice, desks.applyAtBorgerservice);
  router.get(routes.enrolment.handedOver, desks.handedOver);
  router.get(routes.enrolment.bank, desks.showBank);
  router.post(routes.enrolment.bank, desks.applyAtBank);
  router.get(routes.enrolment.ordered, desks.ordered);
  router.get(routes.enrolment.activate, activation.showActivate);
  router.post(routes.enrolment.activate, activation.activate);
  return router;
}
