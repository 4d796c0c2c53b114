import type { Db } from '../storage/connection.ts';

/** The only place with SQL about how a NemID was issued: whether it may be used for public self-service (R7). */
export class EnrolmentRepository {
  private readonly stmts;

  constructor(db: Db) {
    this.stmts = {
      publicAccess: db.prepare<[number], { public_access: number }>('SELECT public_access FROM citizens WHERE id = ?'),
      setPublicAccess: db.prepare('UPDATE citizens SET public_access = ? WHERE id = ? AND public_access != ?'),
    };
  }

  /** True unless the NemID came from a bank and has not been activated for public self-service. */
  hasPublicAccess(citizenId: number): boolean {
    return (this.stmts.publicAccess.get(citizenId)?.public_access ?? 1) === 1;
  }

  /** Sets the flag; returns whether it changed. */
  setPublicAccess(citizenId: number, allowed: boolean): boolean {
    const value = allowed ? 1 : 0;
    return this.stmts.setPublicAccess.run(value, citizenId, value).changes === 1;
  }
}
