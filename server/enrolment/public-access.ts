import type { NextFunction, Request, Response } from 'express';
import type { Citizen } from '../citizen/types.ts';
import { services } from '../paths.ts';
import type { ClassClock } from '../common/clock.ts';
import type { EventLog } from '../common/event-log.ts';
import type { EnrolmentRepository } from './enrolment-repository.ts';
import type { EnrolmentService } from './enrolment-service.ts';
import { publicServices } from './types.ts';

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
    this.deps.events.record({ classId: citizen.classId, citizenId: citizen.id, actor: 'trainee', type: 'public-access-refused', rule: 'R7', data: { service }, at: this.deps.clock.now(citizen.classId) });
    return true;
  }
}

/** The public self-service services that exist in the app, with their paths. */
function publicPaths(): { service: string; path: string }[] {
  return publicServices.filter((id) => Object.hasOwn(services, id)).map((id) => ({ service: id, path: (services as Record<string, string>)[id]! }));
}

/**
 * A session logged in with a bank NemID (through the online bank) that has not been
 * activated for public self-service is refused by every public service page too (R7), with
 * the reason; reading this changes nothing.
 */
export function publicAccessGuard(enrolment: EnrolmentService) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const citizenId = req.session.citizenId;
    if (citizenId === undefined) return next();
    const asked = publicPaths().find(({ path }) => req.path === path || req.path.startsWith(`${path}/`));
    if (!asked || enrolment.hasPublicAccess(citizenId)) return next();
    res.status(403).render('enrolment/public-access-refused', { service: asked.service });
  };
}
