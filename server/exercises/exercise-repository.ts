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

  constructor(db: Db) {
    this.saveStmt = db.prepare(
      `INSERT INTO class_exercises (class_id, exercises, guided) VALUES (?, ?, ?)
       ON CONFLICT (class_id) DO UPDATE SET exercises = excluded.exercises, guided = excluded.guided`,
    );
    this.findStmt = db.prepare<[number], { exercises: string; guided: number }>('SELECT exercises, guided FROM class_exercises WHERE class_id = ?');
    // An event about a letter (read, answered, signed) names it by id; an exercise may ask
    // for a letter of one sender (Digital Post's letters table, read only).
    this.eventsStmt = db.prepare<[number, string], RawEvent>(
      `SELECT e.id, e.type, e.actor, e.data, e.at, l.sender_key AS letterSender
       FROM events e
       LEFT JOIN letters l ON l.id = json_extract(e.data, '$.letterId') AND l.citizen_id = e.citizen_id
       WHERE e.citizen_id = ? AND e.type IN (SELECT value FROM json_each(?)) ORDER BY e.id`,
    );
  }

  save(classId: number, exercises: Exercise[], guided: boolean): void {
    this.saveStmt.run(classId, JSON.stringify(exercises), guided ? 1 : 0);
  }

  /** The class's exercises and guide setting, or undefined for a class loaded before exercises existed. */
  find(classId: number): { exercises: Exercise[]; guided: boolean } | undefined {
    const row = this.findStmt.get(classId);
    return row && { exercises: JSON.parse(row.exercises) as Exercise[], guided: row.guided === 1 };
  }

  /** A citizen's events of these types, oldest first. */
  eventsOf(citizenId: number, types: string[]): LoggedEvent[] {
    return this.eventsStmt.all(citizenId, JSON.stringify(types)).map((raw) => ({ ...raw, data: JSON.parse(raw.data) as Record<string, unknown> }));
  }
}
