import type { Db } from '../storage/connection.ts';
import type { AppRequest, Authenticator, AuthenticatorKind, MitidAction, MitidBlueprint, MitidIdentity } from './types.ts';

interface RawIdentity {
  citizen_id: number;
  user_id: string;
  password_hash: string;
  known_password: string;
  holds_nemid: number;
  state: MitidIdentity['state'];
  last_kind: AuthenticatorKind | null;
}

interface RawAuthenticator {
  id: number;
  citizen_id: number;
  kind: AuthenticatorKind;
  label: string;
  state: Authenticator['state'];
  suspended_until: number | null;
  wrong_count: number;
  code: string | null;
  code_shown_at: number | null;
  code_used_at: number | null;
}

interface RawRequest {
  id: number;
  citizen_id: number;
  service: string;
  action: MitidAction;
  reference: string | null;
  state: AppRequest['state'];
  created_at: number;
  expires_at: number;
  decided_at: number | null;
}

const toIdentity = (raw: RawIdentity | undefined): MitidIdentity | undefined =>
  raw && {
    citizenId: raw.citizen_id,
    userId: raw.user_id,
    passwordHash: raw.password_hash,
    knownPassword: raw.known_password,
    holdsNemid: raw.holds_nemid === 1,
    state: raw.state,
    lastKind: raw.last_kind,
  };

const toAuthenticator = (raw: RawAuthenticator): Authenticator => ({
  id: raw.id,
  citizenId: raw.citizen_id,
  kind: raw.kind,
  label: raw.label,
  state: raw.state,
  suspendedUntil: raw.suspended_until,
  wrongCount: raw.wrong_count,
  code: raw.code,
  codeShownAt: raw.code_shown_at,
  codeUsedAt: raw.code_used_at,
});

const toRequest = (raw: RawRequest | undefined): AppRequest | undefined =>
  raw && {
    id: raw.id,
    citizenId: raw.citizen_id,
    service: raw.service,
    action: raw.action,
    reference: raw.reference,
    state: raw.state,
    createdAt: raw.created_at,
    expiresAt: raw.expires_at,
    decidedAt: raw.decided_at,
  };

/** The only place with SQL about MitID identities, their authenticators and app requests. */
export class MitidRepository {
  private readonly stmts;

  constructor(db: Db) {
    this.stmts = {
      byCitizen: db.prepare<[number], RawIdentity>('SELECT * FROM mitid_identities WHERE citizen_id = ?'),
      byUserId: db.prepare<[string], RawIdentity>('SELECT * FROM mitid_identities WHERE user_id = ?'),
      insert: db.prepare(
        `INSERT INTO mitid_identities (citizen_id, user_id, password_hash, known_password, holds_nemid, created_at)
         VALUES (@citizenId, @userId, @passwordHash, @knownPassword, @holdsNemid, @createdAt)`,
      ),
      insertAuthenticator: db.prepare('INSERT INTO mitid_authenticators (citizen_id, kind, label) VALUES (?, ?, ?)'),
      authenticators: db.prepare<[number], RawAuthenticator>('SELECT * FROM mitid_authenticators WHERE citizen_id = ? ORDER BY id'),
      setLastKind: db.prepare('UPDATE mitid_identities SET last_kind = ? WHERE citizen_id = ?'),
      addWrong: db.prepare<[number], { wrong_count: number }>(
        'UPDATE mitid_authenticators SET wrong_count = wrong_count + 1 WHERE id = ? RETURNING wrong_count',
      ),
      clearWrong: db.prepare('UPDATE mitid_authenticators SET wrong_count = 0 WHERE id = ?'),
      suspend: db.prepare("UPDATE mitid_authenticators SET state = 'suspended', suspended_until = ?, wrong_count = 0 WHERE id = ?"),
      reactivate: db.prepare(
        "UPDATE mitid_authenticators SET state = 'active', suspended_until = NULL WHERE id = ? AND state = 'suspended'",
      ),
      showCode: db.prepare('UPDATE mitid_authenticators SET code = ?, code_shown_at = ?, code_used_at = NULL WHERE id = ?'),
      useCode: db.prepare('UPDATE mitid_authenticators SET code_used_at = ? WHERE id = ? AND code_used_at IS NULL'),
      insertRequest: db.prepare<[number, string, MitidAction, string | null, number, number], { id: number }>(
        'INSERT INTO mitid_requests (citizen_id, service, action, reference, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
      ),
      request: db.prepare<[number], RawRequest>('SELECT * FROM mitid_requests WHERE id = ?'),
      pending: db.prepare<[number], RawRequest>("SELECT * FROM mitid_requests WHERE citizen_id = ? AND state = 'pending' ORDER BY id DESC"),
      decide: db.prepare("UPDATE mitid_requests SET state = ?, decided_at = ? WHERE id = ? AND state = 'pending'"),
    };
  }

  /** Gives a citizen the MitID of their blueprint, with its authenticators (on a scenario load and a reset). */
  create(citizenId: number, blueprint: MitidBlueprint, labels: Record<AuthenticatorKind, string>, now: number): void {
    this.stmts.insert.run({
      citizenId,
      userId: blueprint.userId,
      passwordHash: blueprint.passwordHash,
      knownPassword: blueprint.knownPassword,
      holdsNemid: blueprint.holdsNemid ? 1 : 0,
      createdAt: now,
    });
    for (const kind of blueprint.authenticators) this.stmts.insertAuthenticator.run(citizenId, kind, labels[kind]);
  }

  ofCitizen(citizenId: number): MitidIdentity | undefined {
    return toIdentity(this.stmts.byCitizen.get(citizenId));
  }

  /** The MitID a user ID names; upper or lower case make no difference [S1]. */
  byUserId(userId: string): MitidIdentity | undefined {
    return toIdentity(this.stmts.byUserId.get(userId.trim()));
  }

  authenticators(citizenId: number): Authenticator[] {
    return this.stmts.authenticators.all(citizenId).map(toAuthenticator);
  }

  setLastKind(citizenId: number, kind: AuthenticatorKind): void {
    this.stmts.setLastKind.run(kind, citizenId);
  }

  addWrongCode(authenticatorId: number): number {
    return this.stmts.addWrong.get(authenticatorId)!.wrong_count;
  }

  clearWrongCodes(authenticatorId: number): void {
    this.stmts.clearWrong.run(authenticatorId);
  }

  suspend(authenticatorId: number, until: number): void {
    this.stmts.suspend.run(until, authenticatorId);
  }

  /** Ends a temporary block; true when this call ended it. */
  reactivate(authenticatorId: number): boolean {
    return this.stmts.reactivate.run(authenticatorId).changes === 1;
  }

  showCode(authenticatorId: number, code: string, at: number): void {
    this.stmts.showCode.run(code, at, authenticatorId);
  }

  /** Marks the shown code used; false when it was used already (each code counts once). */
  useCode(authenticatorId: number, at: number): boolean {
    return this.stmts.useCode.run(at, authenticatorId).changes === 1;
  }

  addRequest(
    citizenId: number,
    request: { service: string; action: MitidAction; reference: string | null; createdAt: number; expiresAt: number },
  ): number {
    return this.stmts.insertRequest.get(
      citizenId,
      request.service,
      request.action,
      request.reference,
      request.createdAt,
      request.expiresAt,
    )!.id;
  }

  request(id: number): AppRequest | undefined {
    return toRequest(this.stmts.request.get(id));
  }

  /** The citizen's requests still waiting in the app, newest first. */
  pendingRequests(citizenId: number): AppRequest[] {
    return this.stmts.pending.all(citizenId).map((raw) => toRequest(raw)!);
  }

  /** Decides a waiting request; false when it was decided already (another tab, the clock). */
  decide(id: number, state: 'approved' | 'rejected' | 'expired' | 'cancelled', at: number): boolean {
    return this.stmts.decide.run(state, at, id).changes === 1;
  }
}
