import type { Request, Response } from 'express';
import type { Context } from '../context.ts';
import type { EnrolmentService } from './enrolment-service.ts';
import { activationSchema } from './enrolment-validation.ts';
import { visitorOf } from './visitor.ts';

/** The bank's desk step that activates a bank NemID for public self-service (R7). */
export function activationController(ctx: Pick<Context, 'classes' | 'citizens'>, enrolment: EnrolmentService) {
  const renderActivate = (req: Request, res: Response, status: number, locals: Record<string, unknown> = {}) => {
    const visitor = visitorOf(ctx, req);
    const active = visitor ? enrolment.hasPublicAccess(visitor.citizen.id) : false;
    res.status(status).render('enrolment/activate', { visitor, active, errors: {}, done: false, ...locals });
  };

  return {
    showActivate(req: Request, res: Response): void {
      renderActivate(req, res, 200);
    },

    activate(req: Request, res: Response): void {
      const visitor = visitorOf(ctx, req);
      const parsed = activationSchema.safeParse(req.body ?? {});
      if (!visitor || !parsed.success) return renderActivate(req, res, 400);
      const outcome = enrolment.activatePublicAccess(visitor.citizen, parsed.data.brings.has('id'));
      if (!outcome.ok && outcome.reason === 'no-id')
        return renderActivate(req, res, 422, { errors: { brings: ['enrolment:activate.errors.noId'] } });
      renderActivate(req, res, 200, { done: outcome.ok });
    },
  };
}
