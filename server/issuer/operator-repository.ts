import type { CitizenState, LockCode } from '../citizen/types.ts';
import type { Db } from '../storage/connection.ts';

export interface OperatorRow {
  id: number;
  username: string;
  passwordHash: string;
}

/** One line of a search in the issuer console. */
export interface CitizenHit {
  id: number;
  name: string;
  cpr: string;
  nemidNumber: string;
  userId: string | null;
  state: CitizenState;
  lockCode: LockCode | null;
  lockedUntil: number | null;
  classCode: string;
}

/** The only place with SQL about issuer operators and the console's citizen search. */
export class OperatorRepository {
  private readonly stmts;

  constructor(db: Db) {
    this.stmts = {
      byName: db.prepare<[string], { id: number; username: string; password_hash: string }>(
        'SELECT id, username, password_hash FROM operators WHERE username = ?',
      ),
      byId: db.prepare<[number], { id: number; username: string; password_hash: string }>(
        'SELECT id, username, password_hash FROM operators WHERE id = ?',
      ),
      insert: db.prepare('INSERT INTO operators (username, password_hash, created_at) VALUES (?, ?, ?)'),
      search: db.prepare<{ like: string; exact: string }, CitizenHit>(
        `SELECT c.id, c.name, c.cpr, c.nemid_number AS nemidNumber, c.user_id AS userId, c.state,
           c.lock_code AS lockCode, c.locked_until AS lockedUntil, k.code AS classCode
         FROM citizens c JOIN classes k ON k.id = c.class_id
         WHERE c.name LIKE @like ESCAPE '\\' OR c.cpr = @exact OR c.nemid_number = @exact OR c.user_id = @exact
         ORDER BY c.name, c.id LIMIT 50`,
      ),
    };
  }

  findByUsername(username: string): OperatorRow | undefined {
    const raw = this.stmts.byName.get(username);
    return raw && { id: raw.id, username: raw.username, passwordHash: raw.password_hash };
  }

  findById(id: number): OperatorRow | undefined {
    const raw = this.stmts.byId.get(id);
    return raw && { id: raw.id, username: raw.username, passwordHash: raw.password_hash };
  }

  insert(username: string, passwordHash: string, now: number): number {
    return Number(this.stmts.insert.run(username, passwordHash, now).lastInsertRowid);
  }

  /** Citizens whose name contains the text, or whose CPR number, NemID number or user ID is it. */
  search(text: string): CitizenHit[] {
    const exact = text.trim().toLowerCase();
    const like = `%${exact.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.stmts.search.all({ like, exact: /^\d{6}-\d{4}$/.test(exact) ? exact.replace('-', '') : exact });
  }
}
