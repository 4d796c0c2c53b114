import { Router } from 'express';
import { paths } from '../paths.ts';

/** The front page: what the sandbox is, and the ways in (practise alone, log in, teachers). */
export function homeRoutes(): Router {
  const router = Router();
  router.get(paths.home, (req, res) => {
    res.render('home/index', { loggedIn: req.session.citizenId !== undefined, loggedOut: req.query.loggedOut === '1' });
  });
  router.get(paths.healthz, (_req, res) => {
    res.json({ status: 'ok' });
  });
  return router;
}
