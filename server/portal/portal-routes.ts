import { Router, type Request, type Response } from 'express';
import type { DigitalPost } from '../context.ts';
import type { PublicServiceGuards } from '../enrolment/public-access.ts';
import { routes } from '../paths.ts';

/** The citizen portal (R2, R11): the front door that links to every service on the same NemID. */
export function portalRoutes(post: DigitalPost, guards: PublicServiceGuards): Router {
  const router = Router();
  router.get(routes.portal, ...guards('portal'), (req: Request, res: Response) => {
    const citizen = post.citizen(req.session.citizenId!);
    const listing = post.inbox.list(citizen.id, { box: 'inbox', page: 1 });
    const deadlines = post.inbox.deadlines(citizen.id).filter((entry) => entry.letter.answeredAt === null);
    res.render('services/portal', { citizen, unread: listing.unread, unreadPaper: listing.unreadPaper, deadlines, tax: post.tax.assessment(citizen) });
  });
  return router;
}
