import { Router, type Request, type Response } from 'express';
import { requireCitizen } from '../common/auth.ts';
import type { Context } from '../context.ts';
import { paths, routes } from '../paths.ts';

/** "My NemID": what a logged-in citizen can see of their own NemID and key card. */
export function myNemidRoutes(ctx: Pick<Context, 'citizens' | 'keycards' | 'events' | 'clock'>): Router {
  const router = Router();
  router.get(routes.myNemid, requireCitizen('mynemid'), (req: Request, res: Response) => {
    const citizen = ctx.citizens.findById(req.session.citizenId!);
    if (!citizen) {
      req.session.destroy(() => res.redirect(303, paths.login.start));
      return;
    }
    const card = ctx.keycards.activeCard(citizen.id);
    const onItsWay = ctx.keycards.cardOnItsWay(citizen.id);
    res.render('mynemid/home', {
      citizen,
      card,
      keysLeft: card ? ctx.keycards.keysLeft(card) : 0,
      onItsWay,
      logins: ctx.events.latestOf(citizen.id, ['login-ok'], 5),
      now: ctx.clock.now(citizen.classId),
    });
  });
  return router;
}
