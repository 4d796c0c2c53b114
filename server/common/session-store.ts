import session from 'express-session';
import type { Db } from '../storage/connection.ts';

/** How far a session's stored expiry must move before a request writes it again. */
export const touchStepMs = 60_000;

/**
 * express-session's store in the sandbox's own SQLite file, so sessions survive a
 * restart and can be ended per citizen (on block, reset or password change).
 */
export class SqliteSessionStore extends session.Store {
  private readonly stmts;
  private lastPrune = 0;

  constructor(
    db: Db,
    private readonly realNow: () => number = Date.now,
  ) {
    super();
    this.stmts = {
      get: db.prepare<[string, number], { data: string }>('SELECT data FROM sessions WHERE sid = ? AND expires > ?'),
      set: db.prepare(
        `INSERT INTO sessions (sid, expires, data, citizen_id, teacher_id) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(sid) DO UPDATE SET expires = excluded.expires, data = excluded.data,
           citizen_id = excluded.citizen_id, teacher_id = excluded.teacher_id`,
      ),
      // A session's expiry moves on at most once a minute: a page view within a minute of
      // the last write costs no write (the idle timeout is kept to the minute).
      touch: db.prepare('UPDATE sessions SET expires = @expires WHERE sid = @sid AND expires < @expires - @step'),
      destroy: db.prepare('DELETE FROM sessions WHERE sid = ?'),
      destroyCitizen: db.prepare('DELETE FROM sessions WHERE citizen_id = ?'),
      prune: db.prepare('DELETE FROM sessions WHERE expires <= ?'),
    };
  }

  /** Idle expiry counted on this store's clock, so a test's clock drives it too. */
  private expiresOf(sess: session.SessionData): number {
    return this.realNow() + (sess.cookie?.originalMaxAge ?? 86_400_000);
  }

  private pruneNow(): void {
    const now = this.realNow();
    if (now - this.lastPrune < 60_000) return;
    this.lastPrune = now;
    this.stmts.prune.run(now);
  }

  override get(sid: string, callback: (err: unknown, session?: session.SessionData | null) => void): void {
    try {
      const row = this.stmts.get.get(sid, this.realNow());
      callback(null, row ? JSON.parse(row.data) : null);
    } catch (error) {
      callback(error);
    }
  }

  override set(sid: string, sess: session.SessionData, callback?: (err?: unknown) => void): void {
    try {
      this.pruneNow();
      this.stmts.set.run(sid, this.expiresOf(sess), JSON.stringify(sess), sess.citizenId ?? null, sess.teacherId ?? null);
      callback?.();
    } catch (error) {
      callback?.(error);
    }
  }

  override touch(sid: string, sess: session.SessionData, callback?: (err?: unknown) => void): void {
    try {
      this.stmts.touch.run({ expires: this.expiresOf(sess), sid, step: touchStepMs });
      callback?.();
    } catch (error) {
      callback?.(error);
    }
  }

  override destroy(sid: string, callback?: (err?: unknown) => void): void {
    try {
      this.stmts.destroy.run(sid);
      callback?.();
    } catch (error) {
      callback?.(error);
    }
  }

  /** Ends every open session of these citizens at once. */
  endCitizenSessions(citizenIds: number[]): void {
    for (const id of citizenIds) this.stmts.destroyCitizen.run(id);
  }
}
