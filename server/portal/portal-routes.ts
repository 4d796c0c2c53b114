import { Router, type Request, type Response } from 'express';
import type { DigitalPost } from '../context.ts';
import type { PublicServiceGuards } from '../enrolment/public-access.ts';
import { routes } from '../paths.ts';

/** The citizen portal (R2, R11): the front door that links to every service on the same NemID. */
export function portalRoutes(post: DigitalPost, guards: PublicServiceGuards): Router {
  const router = Router();
  router.get(routes.portal, ...guards('portal'), (req: Request, res: Response) => {
    const citizen = post.citizen(req.session.citizenId!);
    const menu = post.inbox.menu(citizen.id);
    const deadlines = post.inbox.deadlines(citizen.id).filter((entry) => entry.letter.answeredAt === null);
    res.render('services/portal', {
      citizen,
      unread: menu.unread,
      unreadPaper: menu.unreadPaper,
      deadlines,
      tax: post.tax.assessment(citizen),
    });
  });
  return router;
}
