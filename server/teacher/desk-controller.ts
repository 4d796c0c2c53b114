import type { Request, Response } from 'express';
import type { Citizen } from '../citizen/types.ts';
import { paths } from '../paths.ts';
import type { TeacherConsole } from './console.ts';
import { notice } from '../web/teacher-notice.ts';
import { bankDeskSchema, exemptionDeskSchema } from './teacher-validation.ts';

/** A trainee's desk visit, with the teacher as the case worker at Borgerservice or the bank clerk. */
export function deskController({ desk }: TeacherConsole) {
  const back = (res: Response, trainee: Citizen) => res.redirect(303, `${paths.teacher.trainee(trainee.id)}#desk-heading`);

  return {
    /** The paper form for exemption from Digital Post, decided at once (R17). */
    exemption(req: Request, res: Response): void {
      const trainee: Citizen = res.locals.trainee;
      const parsed = exemptionDeskSchema.safeParse(req.body);
      if (!parsed.success) {
        notice(req, parsed.error.issues[0]!.message);
        return back(res, trainee);
      }
      const outcome = desk.applyForExemption(trainee, { ...parsed.data, otherReason: parsed.data.otherReason || null, corrects: null });
      if (outcome.kind === 'already-exempt') {
        notice(req, 'teacher:desk.alreadyExempt', { name: trainee.name });
      } else if (outcome.decision.decision === 'granted') {
        notice(req, 'teacher:desk.granted', { name: trainee.name, count: outcome.decision.lettersToPaper });
      } else {
        notice(req, 'teacher:desk.rejected', { name: trainee.name });
      }
      back(res, trainee);
    },

    /** The bank activates a bank NemID for public self-service when the holder shows ID (R7). */
    bankActivation(req: Request, res: Response): void {
      const trainee: Citizen = res.locals.trainee;
      const parsed = bankDeskSchema.safeParse(req.body);
      const outcome = desk.activateAtBank(trainee, parsed.success && parsed.data.showsId === 'on');
      notice(req, outcome.ok ? 'teacher:desk.activated' : outcome.reason === 'no-id' ? 'teacher:desk.noId' : 'teacher:desk.alreadyActive', {
        name: trainee.name,
      });
      back(res, trainee);
    },
  };
}
