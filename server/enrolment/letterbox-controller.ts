import type { Request, Response } from 'express';
import type { Lang } from '../common/i18n.ts';
import type { Context } from '../context.ts';
import { formatBody } from '../mailbox/body-format.ts';
import { textIn } from '../mailbox/types.ts';
import { paths } from '../paths.ts';
import type { EnrolmentService } from './enrolment-service.ts';
import { activationSchema } from './enrolment-validation.ts';
import { practiceClassOf, visitorOf } from './visitor.ts';

/**
 * The letterbox at home (paper post, read without NemID, as a letter through the door is)
 * and the bank's desk step that activates a bank NemID for public self-service (R7).
 */
export function letterboxController(ctx: Context, enrolment: EnrolmentService) {
  const renderActivate = (req: Request, res: Response, status: number, locals: Record<string, unknown> = {}) => {
    const visitor = visitorOf(ctx, req);
    const active = visitor ? enrolment.hasPublicAccess(visitor.citizen.id) : false;
    res.status(status).render('enrolment/activate', { visitor, active, errors: {}, done: false, ...locals });
  };

  return {
    letterbox(req: Request, res: Response): void {
      const visitor = visitorOf(ctx, req);
      if (!visitor) return res.render('enrolment/letterbox', { visitor, letters: [], arrivesAt: null, canWait: false, waited: false });
      const { citizen } = visitor;
      const lang = res.locals.lang as Lang;
      const letters = ctx.mailbox
        .arrivedLetters(citizen.id)
        .filter((letter) => letter.channel === 'paper')
        .reverse()
        .map((letter) => ({
          id: letter.id,
          sender: letter.senderName,
          at: letter.deliveredAt,
          subject: textIn(letter.subject, lang),
          blocks: formatBody(textIn(letter.body, lang)),
          // the envelope with the key card (a bank NemID sends it apart from the password)
          keyCard: letter.data.keyCardLetter === true,
        }));
      const practice = practiceClassOf(ctx, req);
      res.render('enrolment/letterbox', {
        visitor,
        letters,
        arrivesAt: ctx.mailbox.nextPaperPostAt(citizen.id),
        // Only a practice identity's own clock may be moved by the trainee; a class clock is the teacher's.
        canWait: practice !== undefined && practice.id === citizen.classId,
        hasCard: practice !== undefined && practice.id === citizen.classId,
        waited: req.query.waited === '1',
      });
    },

    /** Lets the working days pass on the practice identity's own clock until the next paper letter arrives. */
    waitForPost(req: Request, res: Response): void {
      const visitor = visitorOf(ctx, req);
      const practice = practiceClassOf(ctx, req);
      const arrivesAt = visitor ? ctx.mailbox.nextPaperPostAt(visitor.citizen.id) : null;
      if (!visitor || !practice || practice.id !== visitor.citizen.classId || arrivesAt === null) {
        return res.redirect(303, paths.enrolment.letterbox);
      }
      const now = ctx.clock.now(practice.id);
      const at = ctx.clock.advance(practice.id, Math.max(1, arrivesAt - now));
      ctx.events.record({ classId: practice.id, citizenId: visitor.citizen.id, actor: 'trainee', type: 'clock-advanced', rule: null, data: { to: at, reason: 'waiting-for-post' }, at });
      res.redirect(303, `${paths.enrolment.letterbox}?waited=1`);
    },

    showActivate(req: Request, res: Response): void {
      renderActivate(req, res, 200);
    },

    activate(req: Request, res: Response): void {
      const visitor = visitorOf(ctx, req);
      const parsed = activationSchema.safeParse(req.body ?? {});
      if (!visitor || !parsed.success) return renderActivate(req, res, 400);
      const outcome = enrolment.activatePublicAccess(visitor.citizen, parsed.data.brings.has('id'));
      if (!outcome.ok && outcome.reason === 'no-id') return renderActivate(req, res, 422, { errors: { brings: ['enrolment:activate.errors.noId'] } });
      renderActivate(req, res, 200, { done: outcome.ok });
    },
  };
}
