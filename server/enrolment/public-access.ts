import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Citizen } from '../citizen/types.ts';
import type { ClassClock } from '../common/clock.ts';
import type { EventLog } from '../common/event-log.ts';
import type { EnrolmentRepository } from './enrolment-repository.ts';
import { requireCitizen } from '../common/auth.ts';
import { publicServices } from './types.ts';
import type { EnrolmentService } from './enrolment-service.ts';

/**
 * The login's question to enrolment (R7): may this NemID log in to this service? A bank
 * NemID not yet activated for public self-service may not; the refusal is logged. Its own
 * small service, over the enrolment repository, because the login is built before the
 * EnrolmentService (which issues a NemID by loading a desk scenario, so it comes after the
 * scenario service, and that after the login).
 */
export class PublicAccess {
  constructor(private readonly deps: { enrolment: EnrolmentRepository; clock: ClassClock; events: EventLog }) {}

  refuses(citizen: Citizen, service: string): boolean {
    if (!publicServices.includes(service) || this.deps.enrolment.hasPublicAccess(citizen.id)) return false;
    this.deps.events.record({
      classId: citizen.classId,
      citizenId: citizen.id,
      actor: 'trainee',
      type: 'public-access-refused',
      rule: 'R7',
      data: { service },
      at: this.deps.clock.now(citizen.classId),
    });
    return true;
  }
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
