import type { NextFunction, Request, Response } from 'express';
import { StepOutOfOrder } from '../common/errors.ts';
import type { LoginJourney } from '../common/session-types.ts';
import { services } from '../paths.ts';

/**
 * The login journey as explicit state in the session:
 *
 *   (none) --password ok--> key --code ok--> logged in (new session)
 *   (none) --temporary password ok--> choose-password --chosen--> key
 *
 * A page of a step that is not the current one is refused, so no controller has to check;
 * once the login is done (the browser's Back button after it), a step's page sends the
 * browser on to the service the login was for instead of asking to start again.
 */
export function requireStep(step: LoginJourney['step']) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.session.login?.step === step) return next();
    if (req.method === 'GET' && req.session.login === undefined && req.session.citizenId !== undefined) {
      res.redirect(303, services[req.session.loggedInTo ?? 'mynemid']);
      return;
    }
    throw new StepOutOfOrder();
  };
}

/**
 * The login's pages are never taken from the browser's cache: Back after a finished
 * login asks the server again (and gets sent on), instead of showing a spent key step.
 */
export function notCached(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}
