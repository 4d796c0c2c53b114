import { Router } from 'express';
import type { Context } from '../context.ts';
import { paths } from '../paths.ts';
import { exemptionController } from './exemption-controller.ts';

const decisionPath = '/exemption/decisions/:id';

/**
 * Exemption from Digital Post at Borgerservice (R16-R21): the paper form, the decision at
 * once, the attestation on request, ending the exemption, and contacting the senders it
 * does not cover. Every decision in a URL must be the visitor's own (else 404).
 */
export function exemptionRoutes(ctx: Pick<Context, 'exemption' | 'classes' | 'citizens'>): Router {
  const controller = exemptionController(ctx, ctx.exemption);
  const router = Router();
  router.get(paths.exemption.home, controller.home);
  router.get(paths.exemption.form, controller.printableForm);
  router.get(paths.exemption.apply, controller.showApply);
  router.post(paths.exemption.apply, controller.apply);
  router.get(decisionPath, controller.showDecision);
  router.post(`${decisionPath}/attestation`, controller.requestAttestation);
  router.get(`${decisionPath}/attestation.pdf`, controller.attestationPdf);
  router.get(paths.exemption.end, controller.showEnd);
  router.post(paths.exemption.end, controller.end);
  router.post(paths.exemption.contact, controller.contact);
  return router;
}
