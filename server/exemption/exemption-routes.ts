import { Router } from 'express';
import type { Context } from '../context.ts';
import { routes } from '../paths.ts';
import { exemptionController } from './exemption-controller.ts';

/**
 * Exemption from Digital Post at Borgerservice (R16-R21): the paper form, the decision at
 * once, the attestation on request, ending the exemption, and contacting the senders it
 * does not cover. Every decision in a URL must be the visitor's own (else 404).
 */
export function exemptionRoutes(ctx: Pick<Context, 'exemption' | 'classes' | 'citizens'>): Router {
  const controller = exemptionController(ctx, ctx.exemption);
  const router = Router();
  router.get(routes.exemption.home, controller.home);
  router.get(routes.exemption.form, controller.printableForm);
  router.get(routes.exemption.apply, controller.showApply);
  router.post(routes.exemption.apply, controller.apply);
  router.get(routes.exemption.decision, controller.showDecision);
  router.post(routes.exemption.attestation, controller.requestAttestation);
  router.get(routes.exemption.attestationPdf, controller.attestationPdf);
  router.get(routes.exemption.end, controller.showEnd);
  router.post(routes.exemption.end, controller.end);
  router.post(routes.exemption.contact, controller.contact);
  return router;
}
