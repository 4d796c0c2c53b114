import type { NextFunction, Request, Response } from 'express';
import { StepOutOfOrder } from '../common/errors.ts';
import type { LoginJourney } from '../common/session-types.ts';

/**
 * The login journey as explicit state in the session:
 *
 *   (none) --password ok--> key --code ok--> logged in (new session)
 *   (none) --temporary password ok--> choose-password --chosen--> key
 *
 * A page of a step that is not the current one is refused, so no controller has to check.
 */
export function requireStep(step: LoginJourney['step']) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (req.session.login?.step !== step) throw new StepOutOfOrder();
    next();
  };
}
