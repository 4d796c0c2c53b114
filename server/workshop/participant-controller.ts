import type { NextFunction, Request, Response } from 'express';
import type { Lang } from '../common/i18n.ts';
import { fieldErrors, formText } from '../web/form.ts';
import { textIn } from '../mailbox/types.ts';
import { paths } from '../paths.ts';
import type { CallAction } from './call-service.ts';
import { idParam } from '../web/ids.ts';
import type { WorkshopParts } from '../context.ts';
import { callSaySchema } from './workshop-validation.ts';

const me = (req: Request): number => req.session.citizenId!;
const actions: readonly CallAction[] = ['answer', 'decline', 'say', 'hang-up', 'report'];

/**
 * What a participant meets besides the look-alike site: the staged call ringing on their
 * pages, and "report as fraud" on every letter in Digital Post (R14).
 */
export function participantController(parts: WorkshopParts) {
  const { calls, reports } = parts;

  return {
    /** Puts the staged call that rings now on `res.locals.incomingCall`, for the page layout to show. */
    ringing(req: Request, res: Response, next: NextFunction): void {
      const { citizenId, classId } = req.session;
      if (req.method === 'GET' && citizenId !== undefined && classId !== undefined) {
        const call = calls.ringing(citizenId, classId);
        if (call) res.locals.incomingCall = { action: paths.workshop.call(call.token), callerKey: call.callerKey };
      }
      next();
    },

    showCall(req: Request, res: Response): void {
      const target = calls.target(String(req.params.token), me(req));
      res.render('workshop/call', { state: calls.state(target), action: paths.workshop.call(target.token), errors: {} });
    },

    async call(req: Request, res: Response): Promise<void> {
      const target = calls.target(String(req.params.token), me(req));
      const action = actions.find((candidate) => candidate === formText(req.body, 'action'));
      if (!action) return void res.redirect(303, paths.workshop.call(target.token));
      let said = '';
      if (action === 'say') {
        const parsed = callSaySchema.safeParse(req.body);
        if (!parsed.success) {
          return void res.status(400).render('workshop/call', {
            state: calls.state(target),
            action: paths.workshop.call(target.token),
            errors: fieldErrors(parsed.error),
          });
        }
        said = parsed.data.said;
      }
      await calls.act(target, action, said);
      res.redirect(303, paths.workshop.call(target.token));
    },

    reportLetter(req: Request, res: Response): void {
      const letterId = idParam(req.params.id);
      const first = reports.reportLetter(me(req), letterId);
      const letter = reports.letter(me(req), letterId);
      res.render('workshop/reported', {
        subject: textIn(letter.subject, res.locals.lang as Lang),
        sender: letter.senderName,
        letterHref: paths.post.letter(letter.id),
        first,
        genuine: reports.isGenuine(me(req), letter),
      });
    },
  };
}
