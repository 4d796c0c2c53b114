import type { CitizenRepository } from '../citizen/citizen-repository.ts';
import { effectiveState, type Citizen, type CitizenState, type LockCode } from '../citizen/types.ts';
import type { ClassClock } from '../common/clock.ts';
import type { EventLog, EventRow } from '../common/event-log.ts';
import type { KeyCardService } from '../keycard/keycard-service.ts';
import type { IdentityKind } from '../mitid/types.ts';
import { timelineOf, type TimelineEntry } from './timeline.ts';
import type { ClassRow } from '../classes/types.ts';

export interface ProgressDeps {
  citizens: CitizenRepository;
  keycards: KeyCardService;
  clock: ClassClock;
  events: EventLog;
  /** Unread letters in a trainee's digital mailbox as of now; absent when there is no mailbox. */
  unreadLetters?: (citizen: Citizen) => number;
  /** How many of the scenario's exercises the trainee has done (read from their events); null when it has none. */
  exercisesDone?: (citizen: Citizen) => number | null;
  /** NemID, MitID or both, whether the MitID is activated yet, and its user ID (server/mitid/); absent: NemID for all. */
  identityOf?: (citizen: Citizen) => TraineeIdentity;
}

/** A trainee's identity as the teacher follows it: `mitidActivated` is null when the trainee has no MitID to get. */
export interface TraineeIdentity {
  identity: IdentityKind;
  mitidActivated: boolean | null;
  mitidUserId: string | null;
}

export interface TraineeProgress {
  citizen: Citizen;
  identity: IdentityKind;
  mitidActivated: boolean | null;
  mitidUserId: string | null;
  /** As of now on the class clock: a LOCK001 whose hours have passed counts as active. */
  state: CitizenState;
  lockCode: LockCode | null;
  keysLeft: number;
  logins: number;
  keysUsed: number;
  wrongPasswords: number;
  wrongKeys: number;
  locks: number;
  exercisesDone: number | null;
  unreadLetters: number | null;
  lastActivity: number | null;
  /** When the trainee typed the class's join code (class clock), null if not since the last reset. */
  joinedAt: number | null;
  /** The first login since the last reset (class clock), null when not logged in yet. */
  firstLogin: number | null;
  /** Locked, blocked or revoked, or two wrong tries or more since the last login. */
  needsHelp: boolean;
}

export interface ClassProgress {
  now: number;
  trainees: TraineeProgress[];
  totals: { trainees: number; pending: number; locked: number; blocked: number; loggedIn: number; needsHelp: number };
}

/** How the lobby on the class page can be sorted; `status` is the default. */
export const lobbySorts = ['status', 'name', 'lastActivity'] as const;
export type LobbySort = (typeof lobbySorts)[number];

export function lobbySortFrom(value: unknown): LobbySort {
  return lobbySorts.find((sort) => sort === value) ?? 'status';
}

const byName = (a: TraineeProgress, b: TraineeProgress) =>
  a.citizen.name.localeCompare(b.citizen.name, 'da') || a.citizen.id - b.citizen.id;
/** 0 may need help, 1 not logged in yet, 2 the rest. */
const urgency = (row: TraineeProgress) => (row.needsHelp ? 0 : row.firstLogin === null ? 1 : 2);

/**
 * The lobby's order: by status ("may need help" first, then those not logged in yet, then
 * the rest, each group by name), by name, or by last activity (the latest first, no activity last).
 */
export function lobbyOrder(rows: TraineeProgress[], sort: LobbySort): TraineeProgress[] {
  const compare: Record<LobbySort, (a: TraineeProgress, b: TraineeProgress) => number> = {
    status: (a, b) => urgency(a) - urgency(b) || byName(a, b),
    name: byName,
    lastActivity: (a, b) => (b.lastActivity ?? -Infinity) - (a.lastActivity ?? -Infinity) || byName(a, b),
  };
  return [...rows].sort(compare[sort]);
}

function joinedAt(events: EventRow[]): number | null {
  const joined = events.find((event) => event.type === 'class-joined');
  if (!joined) return null;
  return typeof joined.data.joinedAt === 'number' ? joined.data.joinedAt : joined.at;
}

/** Events that are the trainee's own doing (a teacher's reset or the clock are not activity). */
const traineeActors = new Set(['trainee', 'anonymous']);

/**
 * The teacher's view of a class, read from the event log: what each trainee has done
 * since their last reset (a reset deletes a trainee's events with the trainee), and their
 * NemID's state now on the class clock.
 */
export class ProgressService {
  constructor(private readonly deps: ProgressDeps) {}

  private tally(citizen: Citizen, events: EventRow[], now: number): TraineeProgress {
    const count = (type: string) => events.filter((event) => event.type === type).length;
    const lastLogin = events.map((event) => event.type).lastIndexOf('login-ok');
    const wrongSinceLogin = events
      .slice(lastLogin + 1)
      .filter((event) => event.type === 'wrong-password' || event.type === 'wrong-key').length;
    const own = events.filter((event) => traineeActors.has(event.actor));
    const card = this.deps.keycards.activeCard(citizen.id);
    const state = effectiveState(citizen, now);
    return {
      citizen,
      ...(this.deps.identityOf ? this.deps.identityOf(citizen) : { identity: 'nemid', mitidActivated: null, mitidUserId: null }),
      state,
      lockCode: state === 'locked' || state === 'blocked' ? citizen.lockCode : null,
      keysLeft: card ? this.deps.keycards.keysLeft(card) : 0,
      logins: count('login-ok'),
      keysUsed: count('key-used'),
      wrongPasswords: count('wrong-password'),
      wrongKeys: count('wrong-key'),
      locks: count('locked'),
      exercisesDone: this.deps.exercisesDone ? this.deps.exercisesDone(citizen) : null,
      unreadLetters: this.deps.unreadLetters ? this.deps.unreadLetters(citizen) : null,
      lastActivity: own.at(-1)?.at ?? null,
      joinedAt: joinedAt(events),
      firstLogin: events.find((event) => event.type === 'login-ok')?.at ?? null,
      needsHelp: state === 'locked' || state === 'blocked' || state === 'revoked' || wrongSinceLogin >= 2,
    };
  }

  ofClass(klass: ClassRow): ClassProgress {
    const now = this.deps.clock.now(klass.id);
    const byCitizen = new Map<number, EventRow[]>();
    for (const event of this.deps.events.list({ classId: klass.id })) {
      if (event.citizenId === null) continue;
      const list = byCitizen.get(event.citizenId) ?? [];
      list.push(event);
      byCitizen.set(event.citizenId, list);
    }
    const trainees = this.deps.citizens.listInClass(klass.id).map((citizen) => this.tally(citizen, byCitizen.get(citizen.id) ?? [], now));
    const where = (test: (row: TraineeProgress) => boolean) => trainees.filter(test).length;
    return {
      now,
      trainees,
      totals: {
        trainees: trainees.length,
        pending: where((row) => row.state === 'pending'),
        locked: where((row) => row.state === 'locked'),
        blocked: where((row) => row.state === 'blocked' || row.state === 'revoked'),
        loggedIn: where((row) => row.logins > 0),
        needsHelp: where((row) => row.needsHelp),
      },
    };
  }

  ofTrainee(klass: ClassRow, citizen: Citizen): TraineeProgress {
    return this.tally(citizen, this.deps.events.list({ citizenId: citizen.id }), this.deps.clock.now(klass.id));
  }

  /**
   * One trainee's timeline as of now on the class clock, with the class's clock moves
   * between its events: letters and post appear when they arrive (timeline.ts).
   */
  timeline(klass: ClassRow, citizen: Citizen): TimelineEntry[] {
    const own = this.deps.events.list({ citizenId: citizen.id });
    const firstId = own[0]?.id ?? Number.MAX_SAFE_INTEGER;
    const clockMoves = this.deps.events
      .list({ classId: klass.id })
      .filter((event) => event.citizenId === null && event.type === 'clock-advanced' && event.id > firstId);
    return timelineOf([...own, ...clockMoves], this.deps.clock.now(klass.id));
  }

  /** Every event of the class as of now on the class clock, in the order they happened (for the CSV export). */
  classTimeline(klass: ClassRow): TimelineEntry[] {
    return timelineOf(this.deps.events.list({ classId: klass.id }), this.deps.clock.now(klass.id));
  }
}
