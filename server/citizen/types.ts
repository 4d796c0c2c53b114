import type { Lang } from '../common/i18n.ts';
import type { MitidBlueprint } from '../mitid/types.ts';

/** NemID states as SPEC's `sandbox trainees` lists them. */
export const citizenStates = ['pending', 'active', 'locked', 'blocked', 'revoked'] as const;
export type CitizenState = (typeof citizenStates)[number];

/** Why a NemID is locked or blocked: the real client's message codes, or who blocked it. */
export const lockCodes = ['LOCK001', 'LOCK002', 'LOCK003', 'USER', 'ISSUER'] as const;
export type LockCode = (typeof lockCodes)[number];

export interface Citizen {
  id: number;
  classId: number;
  name: string;
  cpr: string;
  nemidNumber: string;
  userId: string | null;
  passwordHash: string | null;
  tempPasswordHash: string | null;
  knownPassword: string | null;
  state: CitizenState;
  lockCode: LockCode | null;
  lockedUntil: number | null;
  wrongPasswordCount: number;
  hadTemporaryLock: boolean;
  wrongKeyCount: number;
  lang: Lang;
  position: number;
}

/** The starting state of one trainee, as a scenario gives it; a reset restores exactly this. */
export interface Blueprint {
  name: string;
  cpr: string;
  nemidNumber: string;
  userId: string | null;
  knownPassword: string;
  passwordHash: string;
  state: CitizenState;
  lockCode: LockCode | null;
  keysLeft: number;
  lang: Lang;
  card: { number: string; nonce: string };
  /** The trainee's MitID, if the scenario gives one (server/mitid/); absent: NemID only, as before. */
  mitid?: MitidBlueprint;
}

/** Formats a 10-digit CPR number as people write it: DDMMYY-SSSS. */
export function formatCpr(cpr: string): string {
  return `${cpr.slice(0, 6)}-${cpr.slice(6)}`;
}

/** The state as of `now`: a LOCK001 whose hours have passed counts as active (without writing anything). */
export function effectiveState(citizen: Pick<Citizen, 'state' | 'lockedUntil'>, now: number): CitizenState {
  return citizen.state === 'locked' && citizen.lockedUntil !== null && citizen.lockedUntil <= now ? 'active' : citizen.state;
}
