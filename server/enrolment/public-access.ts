import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Citizen } from '../citizen/types.ts';
import { requireCitizen } from '../common/auth.ts';
import type { EnrolmentService } from './enrolment-service.ts';

/** The login's question to enrolment (R7): may this NemID log in to this service? Logs a refusal. */
export function publicAccessHook(enrolment: EnrolmentService) {
  return { refuses: (citizen: Citizen, service: string) => enrolment.refusesService(citizen, service) };
}

/** The public self-service services (R7) that exist in the app. */
export type PublicServiceId = 'post' | 'portal' | 'tax';

/** The guards of every public service route: a finished NemID login, and a NemID activated for public self-service (R7). */
export type PublicServiceGuards = (service: PublicServiceId) => RequestHandler[];

/**
 * A session logged in with a bank NemID (through the online bank) that has not been
 * activated for public self-service is refused by every public service page too (R7), with
 * the reason; reading this changes nothing. Listed on each public service route.
 */
export function requireActivated(enrolment: EnrolmentService, service: PublicServiceId): RequestHandler {
  return (req: Request, res: Response, next: NextFunction): void => {
    const citizenId = req.session.citizenId;
    if (citizenId === undefined || enrolment.hasPublicAccess(citizenId)) return next();
    res.status(403).render('enrolment/public-access-refused', { service });
  };
}

export function publicServiceGuards(enrolment: EnrolmentService): PublicServiceGuards {
  return (service) => [requireCitizen(service), requireActivated(enrolment, service)];
}
