import type { NextFunction, Request, Response } from 'express';
import { NotFound } from '../common/errors.ts';
import { formText } from '../web/form.ts';
import { idParam } from '../web/ids.ts';
import { paths } from '../paths.ts';
import type { MitidService } from './mitid-service.ts';

const me = (req: Request): number => req.session.citizenId!;
const screens = ['notification', 'open', 'confirm'];

/**
 * The trainee's own MitID app outside a login (M2): every request waiting in it, whoever
 * started it, reachable from the header of every page. A request someone else started
 * (the workshop's MitID attacks, M10-M12) waits here; the trainee approves or rejects it
 * with the same device as in the login. `arriving` lets requests due on the class clock
 * arrive first (the workshop's push fatigue).
 */
export function mitidAppController(mitid: MitidService, arriving: (citizenId: number, classId: number) => void) {
  const requestOf = (req: Request) => {
    const request = mitid.request(me(req), idParam(req.params.requestId));
    if (!request) throw new NotFound();
    return request;
  };

  return {
    /** Puts "My MitID app" (and how many requests wait) on `res.locals.mitidApp`, for the page header. */
    badge(req: Request, res: Response, next: NextFunction): void {
      const { citizenId, classId } = req.session;
      if (req.method === 'GET' && citizenId !== undefined && classId !== undefined && mitid.identityOf(citizenId)) {
        arriving(citizenId, classId);
        res.locals.mitidApp = { href: paths.mitid.app, waiting: mitid.waiting(citizenId).length };
      }
      next();
    },

    show(req: Request, res: Response): void {
      if (!mitid.identityOf(me(req))) throw new NotFound();
      const done = ['approved', 'rejected'].includes(String(req.query.done)) ? String(req.query.done) : null;
      res.render('mitid/my-app', { requests: mitid.waiting(me(req)), done });
    },

    showRequest(req: Request, res: Response): void {
      const request = requestOf(req);
      const screen = typeof req.query.device === 'string' && screens.includes(req.query.device) ? req.query.device : 'open';
      res.render('mitid/my-app-request', { request, screen });
    },

    /** Swipe (approve, after the confirm) or reject; a request no longer waiting says so. */
    decide(req: Request, res: Response): void {
      const request = requestOf(req);
      const decision = formText(req.body, 'decision');
      if (decision !== 'approve' && decision !== 'reject') {
        res.status(400).render('mitid/my-app-request', { request, screen: 'open' });
        return;
      }
      const outcome = mitid.decide(me(req), request.id, decision === 'approve' ? 'approved' : 'rejected');
      if (outcome.kind === 'approved' || outcome.kind === 'rejected') {
        res.redirect(303, `${paths.mitid.app}?done=${outcome.kind}`);
        return;
      }
      res.status(409).render('mitid/my-app-request', { request: mitid.request(me(req), request.id), screen: 'open' });
    },
  };
}
