import type { Request, Response } from 'express';
import type { Lang } from '../common/i18n.ts';
import { formText } from '../web/form.ts';
import { textIn } from '../mailbox/types.ts';
import { paths } from '../paths.ts';
import { attackPlans } from './attacks.ts';
import { idParam } from '../web/ids.ts';
import type { WorkshopParts } from '../context.ts';
import type { Workshop } from './types.ts';

/** The attacker's view for the facilitator: what was captured, the relayed sessions, the replay. */
export function attackerController(parts: WorkshopParts) {
  const { attacker } = parts;

  return {
    show(_req: Request, res: Response): void {
      const workshop: Workshop = res.locals.workshop;
      res.render('workshop/attacker', { captured: attacker.captured(workshop), attackPlans });
    },

    session(req: Request, res: Response): void {
      const workshop: Workshop = res.locals.workshop;
      const session = attacker.session(workshop, idParam(req.params.targetId));
      const lang = res.locals.lang as Lang;
      res.render('workshop/session', {
        session,
        letters: session.letters.map((letter) => ({
          sender: letter.senderName,
          subject: textIn(letter.subject, lang),
          deliveredAt: letter.deliveredAt,
          read: letter.readAt !== null,
        })),
        attackPlans,
      });
    },

    replay(req: Request, res: Response): void {
      const workshop: Workshop = res.locals.workshop;
      attacker.replay(workshop, idParam(formText(req.body, 'target')));
      res.redirect(303, `${paths.workshop.attacker(workshop.id)}#target-${formText(req.body, 'target')}`);
    },
  };
}
