import type { LockCode } from '../citizen/types.ts';
import type { Db } from '../storage/connection.ts';
import type { BlockReason, TemporaryPassword } from './types.ts';

/**
 * The only place with SQL about blocking: a citizen's block, its reason, the temporary
 * password from support and password changes made at the issuer's self-service.
 */
export class BlockingRepository {
  private readonly stmts;

  constructor(db: Db) {
    this.stmts = {
      block: db.prepare(
        `UPDATE citizens SET state = 'blocked', lock_code = ?, locked_until = NULL, block_reason = ?
         WHERE id = ? AND state != 'revoked'`,
      ),
      revoke: db.prepare(
        `UPDATE citizens SET state = 'revoked', lock_code = NULL, locked_until = NULL, block_reason = ?,
           temp_password_hash = NULL, temp_password_from = NULL WHERE id = ? AND state != 'revoked'`,
      ),
      unblock: db.prepare(
        `UPDATE citizens SET state = 'active', lock_code = NULL, locked_until = NULL, block_reason = NULL,
           wrong_password_count = 0, had_temporary_lock = 0, wrong_key_count = 0
         WHERE id = ? AND state IN ('locked', 'blocked')`,
      ),
      // Logging in with the temporary password: open the NemID, and let neither the old
      // password nor the temporary one count as chosen until a new password is chosen.
      unblockForNewPassword: db.prepare(
        `UPDATE citizens SET state = 'active', lock_code = NULL, locked_until = NULL, block_reason = NULL,
           wrong_password_count = 0, had_temporary_lock = 0, wrong_key_count = 0, password_hash = NULL
         WHERE id = ? AND state IN ('active', 'locked', 'blocked') AND temp_password_hash IS NOT NULL`,
      ),
      setTemporary: db.prepare('UPDATE citizens SET temp_password_hash = ?, temp_password_from = ? WHERE id = ?'),
      temporary: db.prepare<[number], { temp_password_hash: string | null; temp_password_from: number | null }>(
        'SELECT temp_password_hash, temp_password_from FROM citizens WHERE id = ?',
      ),
      reason: db.prepare<[number], { block_reason: BlockReason | null }>('SELECT block_reason FROM citizens WHERE id = ?'),
      changePassword: db.prepare(
        `UPDATE citizens SET password_hash = ?, known_password = NULL, wrong_password_count = 0, had_temporary_lock = 0
         WHERE id = ? AND state = 'active'`,
      ),
    };
  }

  /** Blocks the NemID with a message code and a reason; a revoked one stays revoked. */
  block(citizenId: number, lockCode: LockCode, reason: BlockReason | null): boolean {
    return this.stmts.block.run(lockCode, reason, citizenId).changes === 1;
  }

  /** Revokes the NemID for good; returns false when it already was. */
  revoke(citizenId: number, reason: BlockReason): boolean {
    return this.stmts.revoke.run(reason, citizenId).changes === 1;
  }

  /** Opens a locked or blocked NemID and forgets the wrong tries; returns false when there was nothing to open. */
  unblock(citizenId: number): boolean {
    return this.stmts.unblock.run(citizenId).changes === 1;
  }

  unblockForNewPassword(citizenId: number): boolean {
    return this.stmts.unblockForNewPassword.run(citizenId).changes === 1;
  }

  setTemporaryPassword(citizenId: number, hash: string, from: number): void {
    this.stmts.setTemporary.run(hash, from, citizenId);
  }

  /** The temporary password support sent, if any (a welcome-letter password has no `from`). */
  temporaryPassword(citizenId: number): TemporaryPassword | undefined {
    const row = this.stmts.temporary.get(citizenId);
    return row?.temp_password_hash && row.temp_password_from !== null
      ? { hash: row.temp_password_hash, from: row.temp_password_from }
      : undefined;
  }

  blockReason(citizenId: number): BlockReason | null {
    return this.stmts.reason.get(citizenId)?.block_reason ?? null;
  }

  changePassword(citizenId: number, passwordHash: string): boolean {
    return this.stmts.changePassword.run(passwordHash, citizenId).changes === 1;
  }
}
