import type { CitizenRepository } from '../citizen/citizen-repository.ts';
import type { Citizen } from '../citizen/types.ts';
import type { ClassClock } from '../common/clock.ts';
import type { Actor, EventLog } from '../common/event-log.ts';
import { verifyPassword } from '../common/passwords.ts';
import type { RandomInt } from '../common/random.ts';
import type { ScenarioSettings } from '../scenario/types.ts';
import type { ClassRepository } from '../classes/class-repository.ts';
import type { MitidRepository } from './mitid-repository.ts';
import type { AppRequest, Authenticator, AuthenticatorKind, IdentityKind, MitidAction, MitidIdentity } from './types.ts';

export interface MitidDeps {
  classes: ClassRepository;
  citizens: CitizenRepository;
  clock: ClassClock;
  events: EventLog;
  repo: MitidRepository;
  random: RandomInt;
}

/** Why a MitID, or one of its authenticators, cannot be used now. */
export type MitidRefusal = { kind: 'blocked' } | { kind: 'suspended'; until: number } | { kind: 'no-authenticator' };

export type BeginOutcome =
  { kind: 'unknown' } | MitidRefusal | { kind: 'ok'; citizen: Citizen; authenticator: AuthenticatorKind; held: AuthenticatorKind[] };

export type DecideOutcome = { kind: 'approved' | 'rejected'; request: AppRequest } | { kind: 'expired' | 'gone' };

export type CodeOutcome =
  | { kind: 'ok' }
  /** A wrong code, a code used already, or one whose time is over: the tries left before the block. */
  | { kind: 'wrong'; reason: 'wrong' | 'used' | 'expired'; triesLeft: number }
  | MitidRefusal;

/**
 * MitID's rules (docs/mitid.md, rules M1-M7): the user ID, approval requests in the app
 * (approve, reject, time out on the class clock), the code display's one-time codes (each
 * once, a temporary block after wrong ones in a row), and the password. Every change is
 * an event with its rule, as NemID's login writes them.
 */
export class MitidService {
  private readonly decisionListeners: ((request: AppRequest) => void)[] = [];

  constructor(private readonly deps: MitidDeps) {}

  /** Calls `listener` with each request the trainee approves or rejects (the workshop counts its own staged ones). */
  onDecision(listener: (request: AppRequest) => void): void {
    this.decisionListeners.push(listener);
  }

  /** The class's settings: a scenario load stores every one, with the defaults for those the file leaves out. */
  private settingsOf(citizen: Citizen): ScenarioSettings {
    return this.deps.classes.findById(citizen.classId)!.settings;
  }

  private now(citizen: Citizen): number {
    return this.deps.clock.now(citizen.classId);
  }

  private record(citizen: Citizen, type: string, rule: string, data: Record<string, unknown> = {}, actor: Actor = 'trainee'): void {
    this.deps.events.recordFor(citizen, this.deps.clock, { type, rule, data, actor });
  }

  identityOf(citizenId: number): MitidIdentity | undefined {
    return this.deps.repo.ofCitizen(citizenId);
  }

  /** The citizen whose MitID a user ID is, if any (upper or lower case make no difference [S1]). */
  citizenOf(userId: string): number | undefined {
    return this.deps.repo.byUserId(userId)?.citizenId;
  }

  /** Which identities the citizen holds: NemID, MitID or both. */
  kindOf(citizenId: number): IdentityKind {
    const mitid = this.deps.repo.ofCitizen(citizenId);
    if (!mitid) return 'nemid';
    return mitid.holdsNemid ? 'both' : 'mitid';
  }

  /**
   * The identity the trainee holds or is to hold in the lesson, for the teacher and the CLI:
   * a MitID still to be activated (scenario `mitidActivated: false`) already counts as the
   * scenario's kind. `mitidActivated` is null for a trainee with NemID only and no MitID to get.
   */
  statusOf(citizenId: number): { identity: IdentityKind; mitidActivated: boolean | null } {
    const held = this.deps.repo.ofCitizen(citizenId);
    if (held) return { identity: held.holdsNemid ? 'both' : 'mitid', mitidActivated: true };
    const planned = this.deps.citizens.blueprintOf(citizenId).mitid;
    if (!planned) return { identity: 'nemid', mitidActivated: null };
    return { identity: planned.holdsNemid ? 'both' : 'mitid', mitidActivated: false };
  }

  /** False for a citizen with MitID only: the NemID login does not know them. */
  holdsNemid(citizenId: number): boolean {
    // A MitID still to be activated in the lesson (activation-service.ts) already replaces NemID, unless the blueprint keeps both.
    return this.deps.repo.ofCitizen(citizenId)?.holdsNemid ?? this.deps.citizens.blueprintOf(citizenId).mitid?.holdsNemid ?? true;
  }

  /** The citizen's authenticators as of now: a temporary block whose time is over ends here (the clock's doing). */
  authenticators(citizenId: number): Authenticator[] {
    const citizen = this.deps.citizens.findById(citizenId)!;
    const now = this.now(citizen);
    const held = this.deps.repo.authenticators(citizenId);
    for (const device of held) {
      if (
        device.state === 'suspended' &&
        device.suspendedUntil !== null &&
        device.suspendedUntil <= now &&
        this.deps.repo.reactivate(device.id)
      ) {
        this.record(citizen, 'mitid-block-expired', 'M5', { authenticator: device.kind }, 'system');
      }
    }
    return this.deps.repo.authenticators(citizenId);
  }

  private device(citizenId: number, kind: AuthenticatorKind): Authenticator | undefined {
    return this.authenticators(citizenId).find((device) => device.kind === kind);
  }

  private refusalOf(identity: MitidIdentity, device: Authenticator | undefined): MitidRefusal | undefined {
    if (identity.state === 'blocked') return { kind: 'blocked' };
    if (!device || device.state === 'blocked') return { kind: 'no-authenticator' };
    if (device.state === 'suspended') return { kind: 'suspended', until: device.suspendedUntil ?? 0 };
    return undefined;
  }

  /** Why this authenticator cannot be used now, if anything stops it. */
  refusal(citizenId: number, kind: AuthenticatorKind): MitidRefusal | undefined {
    const identity = this.deps.repo.ofCitizen(citizenId);
    if (!identity) return { kind: 'no-authenticator' };
    return this.refusalOf(identity, this.device(citizenId, kind));
  }

  /** M1: the user ID typed into the MitID box; the authenticator is the one used last, else the first held [S4]. */
  begin(userId: string, service: string): BeginOutcome {
    const identity = this.deps.repo.byUserId(userId);
    if (!identity) return { kind: 'unknown' };
    const citizen = this.deps.citizens.findById(identity.citizenId)!;
    if (identity.state === 'blocked') return { kind: 'blocked' };
    const held = this.authenticators(citizen.id)
      .filter((device) => device.state !== 'blocked')
      .map((device) => device.kind);
    if (held.length === 0) return { kind: 'no-authenticator' };
    const authenticator = identity.lastKind && held.includes(identity.lastKind) ? identity.lastKind : held[0]!;
    this.record(citizen, 'mitid-user-id-ok', 'M1', { service });
    return { kind: 'ok', citizen, authenticator, held };
  }

  /**
   * M2, M3: a request to approve in the app, naming the service that asks; it waits
   * `mitidAppTimeoutSeconds` on the class clock. An older request still waiting is cancelled.
   */
  requestApproval(citizenId: number, service: string, action: MitidAction = 'LOG_ON', reference: string | null = null): AppRequest {
    const citizen = this.deps.citizens.findById(citizenId)!;
    const now = this.now(citizen);
    for (const old of this.deps.repo.pendingRequests(citizenId)) this.deps.repo.decide(old.id, 'cancelled', now);
    const expiresAt = now + this.settingsOf(citizen).mitidAppTimeoutSeconds * 1000;
    const id = this.deps.repo.addRequest(citizenId, { service, action, reference, createdAt: now, expiresAt });
    this.record(citizen, 'mitid-request-sent', 'M2', { service, action, requestId: id, expiresAt });
    return this.deps.repo.request(id)!;
  }

  /**
   * M2: a request someone else started (a staged attack's login, docs/mitid.md M10-M12): it
   * waits in the app like any other, but leaves the trainee's own waiting requests alone.
   */
  stageRequest(citizenId: number, service: string, action: MitidAction = 'LOG_ON', reference: string | null = null): AppRequest {
    const citizen = this.deps.citizens.findById(citizenId)!;
    const now = this.now(citizen);
    const expiresAt = now + this.settingsOf(citizen).mitidAppTimeoutSeconds * 1000;
    const id = this.deps.repo.addRequest(citizenId, { service, action, reference, createdAt: now, expiresAt });
    this.record(citizen, 'mitid-request-sent', 'M2', { service, action, requestId: id, expiresAt, staged: true }, 'system');
    return this.deps.repo.request(id)!;
  }

  /** The requests waiting in the citizen's app now (the time-outs of the class clock applied), newest first. */
  waiting(citizenId: number): AppRequest[] {
    return this.deps.repo
      .pendingRequests(citizenId)
      .map((request) => this.request(citizenId, request.id)!)
      .filter((request) => request.state === 'pending');
  }

  /** The request as of now on the class clock: one whose time is over has timed out (M3). */
  request(citizenId: number, requestId: number): AppRequest | undefined {
    const request = this.deps.repo.request(requestId);
    if (!request || request.citizenId !== citizenId) return undefined;
    const citizen = this.deps.citizens.findById(citizenId)!;
    if (
      request.state === 'pending' &&
      request.expiresAt <= this.now(citizen) &&
      this.deps.repo.decide(request.id, 'expired', this.now(citizen))
    ) {
      this.record(citizen, 'mitid-request-expired', 'M3', { service: request.service, requestId }, 'system');
      return this.deps.repo.request(requestId);
    }
    return request;
  }

  /** M2: the trainee swipes (approves) or rejects in the app; a request no longer waiting cannot be decided. */
  decide(citizenId: number, requestId: number, decision: 'approved' | 'rejected'): DecideOutcome {
    const request = this.request(citizenId, requestId);
    if (!request) return { kind: 'gone' };
    if (request.state === 'expired') return { kind: 'expired' };
    const citizen = this.deps.citizens.findById(citizenId)!;
    if (request.state !== 'pending' || this.refusal(citizenId, 'app') || !this.deps.repo.decide(request.id, decision, this.now(citizen)))
      return { kind: 'gone' };
    this.record(citizen, decision === 'approved' ? 'mitid-approved' : 'mitid-rejected', 'M2', {
      service: request.service,
      action: request.action,
      requestId,
    });
    const decided = this.deps.repo.request(requestId)!;
    for (const listener of this.decisionListeners) listener(decided);
    return { kind: decision, request: decided };
  }

  /** The trainee cancels the login in the MitID box: a request still waiting ends with it. */
  cancel(citizenId: number, service: string): void {
    const citizen = this.deps.citizens.findById(citizenId);
    if (!citizen) return;
    for (const old of this.deps.repo.pendingRequests(citizenId)) this.deps.repo.decide(old.id, 'cancelled', this.now(citizen));
    this.record(citizen, 'mitid-cancelled', 'M1', { service });
  }

  /** M4: the code display's button shows a new 6-digit code; the code before it is no longer valid. */
  showCode(citizenId: number): { code: string } | MitidRefusal {
    const refusal = this.refusal(citizenId, 'code-display');
    if (refusal) return refusal;
    const citizen = this.deps.citizens.findById(citizenId)!;
    const device = this.device(citizenId, 'code-display')!;
    let code = String(this.deps.random(0, 1_000_000)).padStart(6, '0');
    while (code === device.code) code = String(this.deps.random(0, 1_000_000)).padStart(6, '0');
    this.deps.repo.showCode(device.id, code, this.now(citizen));
    return { code };
  }

  /** The code now on the code display's screen, unless it was used. */
  shownCode(citizenId: number): string | null {
    const device = this.deps.repo.authenticators(citizenId).find((found) => found.kind === 'code-display');
    return device?.code && device.codeUsedAt === null ? device.code : null;
  }

  /**
   * M4, M5: a code typed from the code display. It counts only if it is the code on the
   * screen, not used before and (with `mitidCodeValiditySeconds`) still in its time; after
   * `mitidCodeTries` wrong codes in a row the device is temporarily blocked [S13].
   * Runs without awaiting, so it is atomic.
   */
  checkCode(citizenId: number, typed: string): CodeOutcome {
    const refusal = this.refusal(citizenId, 'code-display');
    if (refusal) return refusal;
    const citizen = this.deps.citizens.findById(citizenId)!;
    const settings = this.settingsOf(citizen);
    const now = this.now(citizen);
    const device = this.device(citizenId, 'code-display')!;
    const matches = device.code !== null && typed === device.code;
    const expired =
      matches && settings.mitidCodeValiditySeconds > 0 && device.codeShownAt! + settings.mitidCodeValiditySeconds * 1000 <= now;
    if (matches && !expired && this.deps.repo.useCode(device.id, now)) {
      this.deps.repo.clearWrongCodes(device.id);
      this.record(citizen, 'mitid-code-ok', 'M4', {});
      return { kind: 'ok' };
    }
    const reason = !matches ? 'wrong' : expired ? 'expired' : 'used';
    const count = this.deps.repo.addWrongCode(device.id);
    this.record(citizen, 'mitid-wrong-code', 'M5', { reason, count, threshold: settings.mitidCodeTries });
    if (count >= settings.mitidCodeTries) {
      const until = now + settings.mitidCodeBlockMinutes * 60_000;
      this.deps.repo.suspend(device.id, until);
      this.record(citizen, 'mitid-code-display-suspended', 'M5', { until });
      return { kind: 'suspended', until };
    }
    return { kind: 'wrong', reason, triesLeft: settings.mitidCodeTries - count };
  }

  /** M6: the MitID password, asked after the code display's code [S11]. Wrong ones are not counted (no source gives a number). */
  async checkPassword(citizenId: number, password: string): Promise<boolean> {
    const identity = this.deps.repo.ofCitizen(citizenId);
    if (!identity) return false;
    const correct = await verifyPassword(identity.passwordHash, password);
    if (!correct) this.record(this.deps.citizens.findById(citizenId)!, 'mitid-wrong-password', 'M6', {});
    return correct;
  }

  /** The login is done: the same citizen as a NemID login gives, so every service works the same (R2). */
  loggedIn(citizenId: number, service: string, authenticator: AuthenticatorKind): Citizen {
    const citizen = this.deps.citizens.findById(citizenId)!;
    this.deps.repo.setLastKind(citizenId, authenticator);
    this.record(citizen, 'login-ok', 'R2', { service, via: 'mitid', authenticator });
    return citizen;
  }
}
