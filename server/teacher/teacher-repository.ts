import type { Db } from '../storage/connection.ts';
import type { TeacherRow } from './types.ts';

/** The only place with SQL about teacher accounts. */
export class TeacherRepository {
  private readonly stmts;

  constructor(db: Db) {
    this.stmts = {
      byName: db.prepare<[string], { id: number; username: string; password_hash: string }>(
        'SELECT id, username, password_hash FROM teachers WHERE username = ?',
      ),
      insert: db.prepare('INSERT INTO teachers (username, password_hash, created_at) VALUES (?, ?, ?)'),
    };
  }

  findByUsername(username: string): TeacherRow | undefined {
    const raw = this.stmts.byName.get(username);
    return raw && { id: raw.id, username: raw.username, passwordHash: raw.password_hash };
  }

  insert(username: string, passwordHash: string, now: number): number {
    return Number(this.stmts.insert.run(username, passwordHash, now).lastInsertRowid);
  }
}
