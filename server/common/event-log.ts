import type { Db } from '../storage/connection.ts';
import type { ClassClock } from './clock.ts';

export type Actor = 'trainee' | 'teacher' | 'system' | 'issuer' | 'cli' | 'anonymous';

export interface NewEvent {
  classId: number | null;
  citizenId: number | null;
  actor: Actor;
  type: string;
  /** The rule of DOMAIN.md (R1-R21) or SPEC line the change follows, e.g. `R4` or `LOCK001`. */
  rule: string | null;
  data?: Record<string, unknown>;
  /** Time on the class clock. */
  at: number;
}

/** One event of a trainee: `recordFor` adds their class, their id and the time on their class clock. */
export interface TraineeEntry {
  type: string;
  rule: string | null;
  data?: Record<string, unknown>;
  /** The trainee unless given: `system` for what the class clock did, `issuer` for the issuer. */
  actor?: Actor;
}

export interface EventRow extends Required<NewEvent> {
  id: number;
  realAt: number;
}

interface RawEvent {
  id: number;
  class_id: number | null;
  citizen_id: number | null;
  actor: Actor;
  type: string;
  rule: string | null;
  data: string;
  at: number;
  real_at: number;
}

function toEvent(raw: RawEvent): EventRow {
  return {
    id: raw.id,
    classId: raw.class_id,
    citizenId: raw.citizen_id,
    actor: raw.actor,
    type: raw.type,
    rule: raw.rule,
    data: JSON.parse(raw.data),
    at: raw.at,
    realAt: raw.real_at,
  };
}

/** The event log: one row per state change. The progress views and debriefs read it. */
export class EventLog {
  private readonly insertStmt;
  private readonly byCitizenTypes;
  private readonly filtered;

  constructor(
    db: Db,
    private readonly realNow: () => number = Date.now,
  ) {
    this.insertStmt = db.prepare(
      `INSERT INTO events (class_id, citizen_id, actor, type, rule, data, at, real_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.byCitizenTypes = db.prepare<[number, string, number], RawEvent>(
      `SELECT * FROM events WHERE citizen_id = ? AND type IN (SELECT value FROM json_each(?))
       ORDER BY id DESC LIMIT ?`,
    );
    this.filtered = db.prepare<{ classId: number | null; citizenId: number | null; limit: number }, RawEvent>(
      `SELECT * FROM events
       WHERE (@classId IS NULL OR class_id = @classId) AND (@citizenId IS NULL OR citizen_id = @citizenId)
       ORDER BY id LIMIT @limit`,
    );
  }

  record(event: NewEvent): void {
    this.insertStmt.run(
      event.classId,
      event.citizenId,
      event.actor,
      event.type,
      event.rule,
      JSON.stringify(event.data ?? {}),
      event.at,
      this.realNow(),
    );
  }

  /** Writes an event of one trainee (or their target) at the time on their class clock. */
  recordFor(citizen: { id: number; classId: number }, clock: Pick<ClassClock, 'now'>, entry: TraineeEntry): void {
    this.record({
      classId: citizen.classId,
      citizenId: citizen.id,
      actor: entry.actor ?? 'trainee',
      type: entry.type,
      rule: entry.rule,
      data: entry.data ?? {},
      at: clock.now(citizen.classId),
    });
  }

  /** The newest events of one citizen of the given types, newest first. */
  latestOf(citizenId: number, types: string[], limit: number): EventRow[] {
    return this.byCitizenTypes.all(citizenId, JSON.stringify(types), limit).map(toEvent);
  }

  list(filter: { classId?: number; citizenId?: number; limit?: number }): EventRow[] {
    return this.filtered
      .all({ classId: filter.classId ?? null, citizenId: filter.citizenId ?? null, limit: filter.limit ?? 100_000 })
      .map(toEvent);
  }
}
