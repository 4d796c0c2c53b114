import crypto from 'node:crypto';
import type { Request } from 'express';
import type { CitizenRepository } from '../citizen/citizen-repository.ts';
import type { Citizen } from '../citizen/types.ts';
import { ownerCookie } from '../web/practice-cookie.ts';
import type { ClassRepository } from '../classes/class-repository.ts';

export type TraineeLookup = { citizens: CitizenRepository; classes: ClassRepository };

/** Signed in to the issuer's self-service (user ID and password only, see server/blocking/session.ts). */
function selfServiceCitizenId(req: Request): number | undefined {
  return (req.session as { selfService?: { citizenId?: number } } | undefined)?.selfService?.citizenId;
}

/** The practice identity this browser owns (practising alone, or a NemID got at a desk). */
function practiceCitizen(lookup: TraineeLookup, req: Request): Citizen | undefined {
  const token = req.cookies?.[ownerCookie];
  if (typeof token !== 'string' || token.length !== 64) return undefined;
  const klass = lookup.classes.findByOwnerTokenHash(crypto.createHash('sha256').update(token).digest('hex'));
  return klass ? lookup.citizens.listInClass(klass.id)[0] : undefined;
}

/**
 * Whose exercises this browser shows: the NemID logged in, else the one signed in to the
 * issuer's self-service (a trainee who has just blocked their NemID is still there),
 * else the practice identity. A browser only ever sees its own trainee's progress.
 */
export function traineeOf(lookup: TraineeLookup, req: Request): Citizen | undefined {
  const id = req.session?.citizenId ?? selfServiceCitizenId(req);
  const known = id === undefined ? undefined : lookup.citizens.findById(id);
  return known ?? practiceCitizen(lookup, req);
}

/** The class whose guide setting applies: the trainee's, or the one of a login under way. */
export function classOfVisitor(lookup: TraineeLookup, req: Request): number | undefined {
  const trainee = traineeOf(lookup, req);
  if (trainee) return trainee.classId;
  const journey = req.session?.login?.citizenId;
  return journey === undefined ? undefined : lookup.citizens.findById(journey)?.classId;
}
