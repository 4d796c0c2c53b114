import { Router } from 'express';
import type { Context } from '../context.ts';
import { routes } from '../paths.ts';
import { practiceClassOf } from '../web/practice-cookie.ts';

/** The front page: what the sandbox is, and the ways in (practise alone, log in, teachers). */
export function homeRoutes(ctx: Pick<Context, 'classes'>): Router {
  const router = Router();
  router.get(routes.home, (req, res) => {
    res.render('home/index', {
      loggedIn: req.session.citizenId !== undefined,
      loggedOut: req.query.loggedOut === '1',
      // after "Afbryd" in the login
      loginCancelled: req.query.loginCancelled === '1',
      // "Continue with my practice NemID" only for the browser that has one.
      hasPractice: practiceClassOf(ctx.classes, req) !== undefined,
    });
  });
  router.get(routes.healthz, (_req, res) => {
    res.json({ status: 'ok' });
  });
  return router;
}
