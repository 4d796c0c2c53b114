import type { Db } from '../storage/connection.ts';
import type { Exercise, LoggedEvent } from './types.ts';

interface RawEvent {
  id: number;
  type: string;
  actor: string;
  data: string;
  at: number;
  letterSender: string | null;
}

/** The exercises and the guide setting of each class, and the events that complete exercises. */
export class ExerciseRepository {
  private readonly saveStmt;
  private readonly findStmt;
  private readonly eventsStmt;
  private readonly eventAfterStmt;
  private readonly latestIdStmt;
  /** Parsed exercise lists by their stored JSON: every page reads them, few ever change. */
  private readonly parsed = new Map<string, Exercise[]>();

  constructor(db: Db) {
    this.saveStmt = db.prepare(
      `INSERT INTO class_exercises (class_id, exercises, guided) VALUES (?, ?, ?)
       ON CONFLICT (class_id) DO UPDATE SET exercises = excluded.exercises, guided = excluded.guided`,
    );
    this.findStmt = db.prepare<[number], { exercises: string; guided: number }>(
      'SELECT exercises, guided FROM class_exercises WHERE class_id = ?',
    );
    // An event about a letter (read, answered, signed) names it by id; an exercise may ask
    // for a letter of one sender (Digital Post's letters table, read only).
    this.eventsStmt = db.prepare<[number, string], RawEvent>(
      `SELECT e.id, e.type, e.actor, e.data, e.at, l.sender_key AS letterSender
       FROM events e
       LEFT JOIN letters l ON l.id = json_extract(e.data, '$.letterId') AND l.citizen_id = e.citizen_id
       WHERE e.citizen_id = ? AND e.type IN (SELECT value FROM json_each(?)) ORDER BY e.id`,
    );
    this.eventAfterStmt = db.prepare<[number, number, string], { found: number }>(
      'SELECT 1 AS found FROM events WHERE citizen_id = ? AND id > ? AND type IN (SELECT value FROM json_each(?)) LIMIT 1',
    );
    this.latestIdStmt = db.prepare<[number], { id: number }>('SELECT coalesce(max(id), 0) AS id FROM events WHERE citizen_id = ?');
  }

  save(classId: number, exercises: Exercise[], guided: boolean): void {
    this.saveStmt.run(classId, JSON.stringify(exercises), guided ? 1 : 0);
  }

  /** The class's exercises and guide setting, or undefined for a class loaded before exercises existed. */
  find(classId: number): { exercises: Exercise[]; guided: boolean } | undefined {
    const row = this.findStmt.get(classId);
    if (!row) return undefined;
    let exercises = this.parsed.get(row.exercises);
    if (!exercises) {
      if (this.parsed.size >= 100) this.parsed.clear();
      exercises = JSON.parse(row.exercises) as Exercise[];
      this.parsed.set(row.exercises, exercises);
    }
    return { exercises, guided: row.guided === 1 };
  }

  /** The id of the citizen's newest event (0 without any). */
  latestEventId(citizenId: number): number {
    return this.latestIdStmt.get(citizenId)!.id;
  }

  /** Whether the citizen has an event of these types newer than `eventId`. */
  hasEventAfter(citizenId: number, types: string[], eventId: number): boolean {
    return this.eventAfterStmt.get(citizenId, eventId, JSON.stringify(types)) !== undefined;
  }

  /** A citizen's events of these types, oldest first. */
  eventsOf(citizenId: number, types: string[]): LoggedEvent[] {
    return this.eventsStmt
      .all(citizenId, JSON.stringify(types))
      .map((raw) => ({ ...raw, data: JSON.parse(raw.data) as Record<string, unknown> }));
  }
}
