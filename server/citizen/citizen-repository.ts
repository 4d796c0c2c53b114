import type { Db } from '../storage/connection.ts';
import type { Blueprint, Citizen, CitizenState, LockCode } from './types.ts';

interface RawCitizen {
  id: number;
  class_id: number;
  name: string;
  cpr: string;
  nemid_number: string;
  user_id: string | null;
  password_hash: string | null;
  temp_password_hash: string | null;
  known_password: string | null;
  state: CitizenState;
  lock_code: LockCode | null;
  locked_until: number | null;
  wrong_password_count: number;
  had_temporary_lock: number;
  wrong_key_count: number;
  lang: Citizen['lang'];
  position: number;
}

// Every column a Citizen needs, not the reset blueprint (a JSON copy of the whole person
// that only a reset reads): pages look citizens up several times per request.
const citizenColumns = `id, class_id, name, cpr, nemid_number, user_id, password_hash, temp_password_hash, known_password,
  state, lock_code, locked_until, wrong_password_count, had_temporary_lock, wrong_key_count, lang, position`;

function toCitizen(raw: RawCitizen | undefined): Citizen | undefined {
  if (!raw) return undefined;
  return {
    id: raw.id,
    classId: raw.class_id,
    name: raw.name,
    cpr: raw.cpr,
    nemidNumber: raw.nemid_number,
    userId: raw.user_id,
    passwordHash: raw.password_hash,
    tempPasswordHash: raw.temp_password_hash,
    knownPassword: raw.known_password,
    state: raw.state,
    lockCode: raw.lock_code,
    lockedUntil: raw.locked_until,
    wrongPasswordCount: raw.wrong_password_count,
    hadTemporaryLock: raw.had_temporary_lock === 1,
    wrongKeyCount: raw.wrong_key_count,
    lang: raw.lang,
    position: raw.position,
  };
}

export interface NewCitizen {
  id?: number;
  classId: number;
  position: number;
  blueprint: Blueprint;
  lockedUntil: number | null;
  createdAt: number;
}

/** The only place with SQL about citizens (the fictional NemID holders). */
export class CitizenRepository {
  private readonly stmts;

  constructor(db: Db) {
    this.stmts = {
      byId: db.prepare<[number], RawCitizen>(`SELECT ${citizenColumns} FROM citizens WHERE id = ?`),
      byUserId: db.prepare<[string], RawCitizen>(`SELECT ${citizenColumns} FROM citizens WHERE user_id = ?`),
      byCpr: db.prepare<[string], RawCitizen>(`SELECT ${citizenColumns} FROM citizens WHERE cpr = ?`),
      byNemid: db.prepare<[string], RawCitizen>(`SELECT ${citizenColumns} FROM citizens WHERE nemid_number = ?`),
      inClass: db.prepare<[number], RawCitizen>(`SELECT ${citizenColumns} FROM citizens WHERE class_id = ? ORDER BY position, id`),
      blueprint: db.prepare<[number], { blueprint: string }>('SELECT blueprint FROM citizens WHERE id = ?'),
      insert: db.prepare(
        `INSERT INTO citizens (id, class_id, name, cpr, nemid_number, user_id, password_hash, temp_password_hash,
           known_password, state, lock_code, locked_until, lang, blueprint, position, created_at)
         VALUES (@id, @classId, @name, @cpr, @nemidNumber, @userId, @passwordHash, @tempPasswordHash,
           @knownPassword, @state, @lockCode, @lockedUntil, @lang, @blueprint, @position, @createdAt)`,
      ),
      delete: db.prepare('DELETE FROM citizens WHERE id = ?'),
      deleteClass: db.prepare('DELETE FROM citizens WHERE class_id = ?'),
      addWrongPassword: db.prepare<[number], { wrong_password_count: number }>(
        'UPDATE citizens SET wrong_password_count = wrong_password_count + 1 WHERE id = ? RETURNING wrong_password_count',
      ),
      addWrongKey: db.prepare<[number], { wrong_key_count: number }>(
        'UPDATE citizens SET wrong_key_count = wrong_key_count + 1 WHERE id = ? RETURNING wrong_key_count',
      ),
      clearPasswordCount: db.prepare('UPDATE citizens SET wrong_password_count = 0, had_temporary_lock = 0 WHERE id = ?'),
      clearKeyCount: db.prepare('UPDATE citizens SET wrong_key_count = 0 WHERE id = ?'),
      setState: db.prepare('UPDATE citizens SET state = ?, lock_code = ?, locked_until = ? WHERE id = ?'),
      endTemporaryLock: db.prepare(
        `UPDATE citizens SET state = 'active', lock_code = NULL, locked_until = NULL,
           wrong_password_count = 0, had_temporary_lock = 1 WHERE id = ? AND state = 'locked'`,
      ),
      choosePassword: db.prepare(
        `UPDATE citizens SET password_hash = ?, temp_password_hash = NULL, known_password = NULL,
           user_id = COALESCE(?, user_id), state = 'active', lock_code = NULL, locked_until = NULL,
           wrong_password_count = 0, had_temporary_lock = 0 WHERE id = ?`,
      ),
    };
  }

  findById(id: number): Citizen | undefined {
    return toCitizen(this.stmts.byId.get(id));
  }

  /** Finds a citizen by what they type as user ID: CPR number, NemID number or self-chosen ID. */
  findByIdentifier(identifier: string): Citizen | undefined {
    const compact = identifier.trim();
    if (/^\d{6}-?\d{4}$/.test(compact)) return toCitizen(this.stmts.byCpr.get(compact.replace('-', '')));
    if (/^\d{9}$/.test(compact)) return toCitizen(this.stmts.byNemid.get(compact));
    return toCitizen(this.stmts.byUserId.get(compact.toLowerCase()));
  }

  cprTaken(cpr: string): boolean {
    return this.stmts.byCpr.get(cpr) !== undefined;
  }

  nemidTaken(nemidNumber: string): boolean {
    return this.stmts.byNemid.get(nemidNumber) !== undefined;
  }

  userIdTaken(userId: string): boolean {
    return this.stmts.byUserId.get(userId.toLowerCase()) !== undefined;
  }

  listInClass(classId: number): Citizen[] {
    return this.stmts.inClass.all(classId).map((raw) => toCitizen(raw)!);
  }

  blueprintOf(id: number): Blueprint {
    const row = this.stmts.blueprint.get(id);
    if (!row) throw new Error(`No citizen ${id}`);
    return JSON.parse(row.blueprint);
  }

  insert(citizen: NewCitizen): number {
    const { blueprint } = citizen;
    const pending = blueprint.state === 'pending';
    const result = this.stmts.insert.run({
      id: citizen.id ?? null,
      classId: citizen.classId,
      name: blueprint.name,
      cpr: blueprint.cpr,
      nemidNumber: blueprint.nemidNumber,
      userId: blueprint.userId,
      passwordHash: pending ? null : blueprint.passwordHash,
      tempPasswordHash: pending ? blueprint.passwordHash : null,
      knownPassword: blueprint.knownPassword,
      state: blueprint.state,
      lockCode: blueprint.lockCode,
      lockedUntil: citizen.lockedUntil,
      lang: blueprint.lang,
      blueprint: JSON.stringify(blueprint),
      position: citizen.position,
      createdAt: citizen.createdAt,
    });
    return Number(result.lastInsertRowid);
  }

  /** Deletes a citizen with everything that hangs on them (cards, events, letters). */
  delete(id: number): void {
    this.stmts.delete.run(id);
  }

  deleteClass(classId: number): void {
    this.stmts.deleteClass.run(classId);
  }

  /** Counts one more wrong password and returns the new count, atomically. */
  addWrongPassword(id: number): number {
    return this.stmts.addWrongPassword.get(id)!.wrong_password_count;
  }

  addWrongKey(id: number): number {
    return this.stmts.addWrongKey.get(id)!.wrong_key_count;
  }

  clearPasswordCount(id: number): void {
    this.stmts.clearPasswordCount.run(id);
  }

  clearKeyCount(id: number): void {
    this.stmts.clearKeyCount.run(id);
  }

  setState(id: number, state: CitizenState, lockCode: LockCode | null, lockedUntil: number | null): void {
    this.stmts.setState.run(state, lockCode, lockedUntil, id);
  }

  /** Ends a LOCK001 whose 8 hours have passed; returns whether this call ended it. */
  endTemporaryLock(id: number): boolean {
    return this.stmts.endTemporaryLock.run(id).changes === 1;
  }

  choosePassword(id: number, passwordHash: string, userId: string | null): void {
    this.stmts.choosePassword.run(passwordHash, userId?.toLowerCase() ?? null, id);
  }
}
