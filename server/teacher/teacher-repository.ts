import type { Db } from '../storage/connection.ts';
import type { TeacherAccount, TeacherRow } from './types.ts';

/** The only place with SQL about teacher accounts. */
export class TeacherRepository {
  private readonly stmts;

  constructor(db: Db) {
    this.stmts = {
      byName: db.prepare<[string], { id: number; username: string; password_hash: string }>(
        'SELECT id, username, password_hash FROM teachers WHERE username = ?',
      ),
      byId: db.prepare<[number], { id: number; username: string; password_hash: string }>(
        'SELECT id, username, password_hash FROM teachers WHERE id = ?',
      ),
      all: db.prepare<[], { id: number; username: string; created_at: number; created_by: string | null }>(
        `SELECT t.id, t.username, t.created_at, c.username AS created_by
         FROM teachers t LEFT JOIN teachers c ON c.id = t.created_by ORDER BY t.username`,
      ),
      insert: db.prepare('INSERT INTO teachers (username, password_hash, created_at, created_by) VALUES (?, ?, ?, ?)'),
    };
  }

  findByUsername(username: string): TeacherRow | undefined {
    const raw = this.stmts.byName.get(username);
    return raw && { id: raw.id, username: raw.username, passwordHash: raw.password_hash };
  }

  findById(id: number): TeacherRow | undefined {
    const raw = this.stmts.byId.get(id);
    return raw && { id: raw.id, username: raw.username, passwordHash: raw.password_hash };
  }

  list(): TeacherAccount[] {
    return this.stmts.all
      .all()
      .map((raw) => ({ id: raw.id, username: raw.username, createdAt: raw.created_at, createdBy: raw.created_by }));
  }

  insert(username: string, passwordHash: string, now: number, createdBy: number | null = null): number {
    return Number(this.stmts.insert.run(username, passwordHash, now, createdBy).lastInsertRowid);
  }
}
