import type { CitizenRepository } from '../citizen/citizen-repository.ts';
import { normalisePassword, passwordProblems, userIdProblems } from '../citizen/credentials.ts';
import type { Citizen, LockCode } from '../citizen/types.ts';
import type { ClassClock } from '../common/clock.ts';
import type { Actor, EventLog } from '../common/event-log.ts';
import { hashPassword, verifyAgainstNothing, verifyPassword } from '../common/passwords.ts';
import type { KeyCardService } from '../keycard/keycard-service.ts';
import type { KeyCard } from '../keycard/types.ts';
import type { ScenarioSettings } from '../scenario/types.ts';
import type { Db } from '../storage/connection.ts';
import type { ClassRepository } from '../classes/class-repository.ts';

export interface LoginDeps {
  db: Db;
  classes: ClassRepository;
  citizens: CitizenRepository;
  keycards: KeyCardService;
  clock: ClassClock;
  events: EventLog;
  /** Ends every open session of these citizens (on a block). */
  endSessions: (citizenIds: number[]) => void;
  /** The issuer's part of the login: a temporary password from support (server/blocking/). */
  temporaryPasswords?: TemporaryPasswordHooks;
  /** Whether this NemID may log in to this service: a bank NemID not activated for public self-service may not (R7, server/enrolment/). */
  publicAccess?: { refuses(citizen: Citizen, service: string): boolean };
  /** False for a citizen who holds MitID only (server/mitid/): the NemID login does not know them. */
  holdsNemid?: (citizenId: number) => boolean;
}

/** How a blocked NemID opens again with a temporary password sent by support (R13). */
export interface TemporaryPasswordHooks {
  /** True when the password is this citizen's temporary password from support; it then opens the NemID. */
  unblockWith(citizen: Citizen, password: string): Promise<boolean>;
  /** Called when a citizen who logged in with such a password has chosen a new one. */
  passwordChosen(citizen: Citizen): void;
}

/** Why a login cannot go on: a lock with its message code, a revoked NemID, or no key card. */
export type Refusal =
  | { kind: 'locked'; code: LockCode; until: number | null }
  | { kind: 'revoked' }
  | { kind: 'no-card' }
  /** R7: a bank NemID not yet activated for public self-service, asked by a public service. */
  | { kind: 'no-public-access'; service: string };

export type PasswordOutcome =
  | { kind: 'key'; citizen: Citizen }
  | { kind: 'choose-password'; citizen: Citizen }
  /**
   * A wrong password, or a user ID no NemID has. A wrong password of a known NemID says
   * how many tries are left before the lock (as a wrong key code does); an unknown user
   * ID has no count to tell.
   */
  | { kind: 'wrong'; triesLeft?: number }
  | Refusal;

/** A wrong password counted: the tries left before the next lock, or the refusal that now applies. */
export type PasswordCount = { kind: 'counted'; triesLeft: number } | Refusal;

export type KeyOutcome =
  | { kind: 'ok'; citizen: Citizen; renewedCard?: KeyCard; switchedToNewCard: boolean }
  | { kind: 'wrong'; askedKey: string; typedCodeOf?: { key: string; used: boolean }; triesLeft: number }
  /** The key was answered by another request already: start the login again. */
  | { kind: 'stale' }
  | Refusal;

export interface Challenge {
  keyNumber: string;
  cardNumber: string;
  isNewCard: boolean;
}

export type ChoiceErrors = Partial<Record<'password' | 'repeat' | 'userId', string[]>>;

/**
 * The three-part NemID login (R4): user ID, password, key card. It decides every
 * outcome and lock (SPEC's LOCK001-LOCK003) and writes each change to the event log.
 */
export class LoginService {
  constructor(private readonly deps: LoginDeps) {}

  private settingsOf(citizen: Citizen): ScenarioSettings {
    return this.deps.classes.findById(citizen.classId)!.settings;
  }

  /** One event of the trainee's login; what the clock or the issuer did names them as its actor. */
  private record(citizen: Citizen, type: string, rule: string | null, data: Record<string, unknown> = {}, actor: Actor = 'trainee'): void {
    this.deps.events.recordFor(citizen, this.deps.clock, { type, rule, data, actor });
  }

  /**
   * The trainee typed their class's join code in this browser (at `joinedAt` on the class
   * clock) and is logged in: the teacher's lobby shows them as joined. Once per trainee
   * until a reset; a join code of another class counts for nothing.
   */
  recordJoin(citizen: Citizen, joined: { classId: number; at: number }): boolean {
    if (joined.classId !== citizen.classId) return false;
    if (this.deps.events.latestOf(citizen.id, ['class-joined'], 1).length > 0) return false;
    this.record(citizen, 'class-joined', null, { joinedAt: joined.at });
    return true;
  }

  /** The citizen as of now on their class clock: a LOCK001 whose hours have passed ends here. */
  current(citizenId: number): Citizen | undefined {
    const citizen = this.deps.citizens.findById(citizenId);
    if (!citizen) return undefined;
    const now = this.deps.clock.now(citizen.classId);
    if (citizen.state === 'locked' && citizen.lockedUntil !== null && citizen.lockedUntil <= now) {
      if (this.deps.citizens.endTemporaryLock(citizen.id)) this.record(citizen, 'lock-expired', 'LOCK001', {}, 'system');
      return this.deps.citizens.findById(citizenId);
    }
    return citizen;
  }

  /** The citizen a user ID, CPR number or NemID number names, if any (to show a locked trainee what they wait for). */
  idOf(identifier: string): number | undefined {
    return this.deps.citizens.findByIdentifier(identifier)?.id;
  }

  /** Why this citizen cannot log in now, if anything stops them. */
  refusalFor(citizen: Citizen): Refusal | undefined {
    if (citizen.state === 'revoked') return { kind: 'revoked' };
    if (citizen.state === 'blocked') return { kind: 'locked', code: citizen.lockCode ?? 'USER', until: null };
    if (citizen.state === 'locked') return { kind: 'locked', code: 'LOCK001', until: citizen.lockedUntil };
    if (citizen.state !== 'pending' && !this.deps.keycards.cardForLogin(citizen.id, this.deps.clock.now(citizen.classId))) {
      return { kind: 'no-card' };
    }
    return undefined;
  }

  private lock(citizen: Citizen, code: LockCode, settings: ScenarioSettings): Refusal {
    const now = this.deps.clock.now(citizen.classId);
    const until = code === 'LOCK001' ? now + settings.temporaryLockHours * 3_600_000 : null;
    this.deps.citizens.setState(citizen.id, code === 'LOCK001' ? 'locked' : 'blocked', code, until);
    this.record(citizen, 'locked', code, { until });
    this.deps.endSessions([citizen.id]);
    return { kind: 'locked', code, until };
  }

  /** Step 1: user ID (or CPR or NemID number) and password. */
  async checkPassword(identifier: string, password: string, service?: string): Promise<PasswordOutcome> {
    const known = this.deps.citizens.findByIdentifier(identifier);
    const found = known && this.deps.holdsNemid?.(known.id) === false ? undefined : known;
    if (!found) {
      await verifyAgainstNothing(normalisePassword(password));
      return { kind: 'wrong' };
    }
    const citizen = this.current(found.id)!;
    if (citizen.state !== 'pending' && (await this.deps.temporaryPasswords?.unblockWith(citizen, password))) {
      const opened = this.deps.citizens.findById(citizen.id)!;
      this.record(opened, 'password-ok', 'R4', { temporary: true });
      return { kind: 'choose-password', citizen: opened };
    }
    const refusal = this.refusalFor(citizen);
    if (refusal && refusal.kind !== 'no-card') return refusal;

    const pending = citizen.state === 'pending';
    const hash = pending ? citizen.tempPasswordHash : citizen.passwordHash;
    const correct = hash !== null && (await verifyPassword(hash, normalisePassword(password)));

    // Other requests may have run while the hash was checked: decide on fresh data.
    const fresh = this.deps.citizens.findById(citizen.id)!;
    if (correct) {
      const late = this.refusalFor(fresh);
      if (late) return late;
      this.deps.citizens.clearPasswordCount(fresh.id);
      this.record(fresh, 'password-ok', 'R4', { temporary: pending });
      if (service !== undefined && this.deps.publicAccess?.refuses(fresh, service)) return { kind: 'no-public-access', service };
      if (pending) return { kind: 'choose-password', citizen: fresh };
      this.challenge(fresh.id);
      return { kind: 'key', citizen: fresh };
    }

    const counted = this.countWrongPassword(fresh);
    return counted.kind === 'counted' ? { kind: 'wrong', triesLeft: counted.triesLeft } : counted;
  }

  /**
   * Counts one wrong password for this citizen (at the login or at the issuer's
   * self-service) and locks at the threshold: LOCK001 after `passwordTries`, LOCK002 after
   * `passwordTriesAfterTemporaryLock` more once a LOCK001 has passed. Returns the tries
   * left before that lock, or the refusal that now applies.
   */
  countWrongPassword(citizen: Citizen): PasswordCount {
    const settings = this.settingsOf(citizen);
    const count = this.deps.citizens.addWrongPassword(citizen.id);
    const threshold = citizen.hadTemporaryLock ? settings.passwordTriesAfterTemporaryLock : settings.passwordTries;
    this.record(citizen, 'wrong-password', 'R4', { count, threshold });
    if (count === threshold) return this.lock(citizen, citizen.hadTemporaryLock ? 'LOCK002' : 'LOCK001', settings);
    return this.refusalFor(this.deps.citizens.findById(citizen.id)!) ?? { kind: 'counted', triesLeft: Math.max(0, threshold - count) };
  }

  /** The trainee breaks off a login at one of its steps ("Afbryd"); nothing of the NemID changes. */
  cancel(citizenId: number, service: string): void {
    const citizen = this.deps.citizens.findById(citizenId);
    if (citizen) this.record(citizen, 'login-cancelled', 'R4', { service });
  }

  /** Counts one wrong key code (at the login or the issuer's self-service); LOCK003 at the threshold. */
  countWrongKey(citizen: Citizen, details: Record<string, unknown>): { triesLeft: number } | Refusal {
    const settings = this.settingsOf(citizen);
    const count = this.deps.citizens.addWrongKey(citizen.id);
    this.record(citizen, 'wrong-key', 'R4', { ...details, count });
    if (count === settings.keyTries) return this.lock(citizen, 'LOCK003', settings);
    if (count > settings.keyTries) return this.refusalFor(this.deps.citizens.findById(citizen.id)!)!;
    return { triesLeft: settings.keyTries - count };
  }

  /** First login: the trainee replaces the temporary password and may choose a user ID. */
  async choosePassword(
    citizenId: number,
    input: { password: string; repeat: string; userId: string },
  ): Promise<{ ok: true } | { ok: false; errors: ChoiceErrors }> {
    const citizen = this.deps.citizens.findById(citizenId)!;
    const userId = input.userId.trim();
    const errors: ChoiceErrors = {};
    const who = { cpr: citizen.cpr, nemidNumber: citizen.nemidNumber };
    const passwordErrors = passwordProblems(input.password, who, userId || citizen.userId);
    if (passwordErrors.length > 0) errors.password = passwordErrors;
    if (input.password !== input.repeat) errors.repeat = ['credentials:password.repeatDiffers'];
    if (userId) {
      const userIdErrors = userIdProblems(userId);
      if (userIdErrors.length === 0 && userId.toLowerCase() !== citizen.userId && this.deps.citizens.userIdTaken(userId)) {
        userIdErrors.push('credentials:userId.taken');
      }
      if (userIdErrors.length > 0) errors.userId = userIdErrors;
    }
    if (Object.keys(errors).length > 0) return { ok: false, errors };

    const hash = await hashPassword(normalisePassword(input.password));
    try {
      this.deps.citizens.choosePassword(citizen.id, hash, userId || null);
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        return { ok: false, errors: { userId: ['credentials:userId.taken'] } };
      }
      throw error;
    }
    this.record(citizen, 'password-chosen', 'R4', { userIdChosen: Boolean(userId) });
    if (citizen.state !== 'pending') this.deps.temporaryPasswords?.passwordChosen(citizen);
    this.challenge(citizen.id);
    return { ok: true };
  }

  /**
   * Step 2: the key asked for, the same one until it is answered correctly. The key is
   * picked when the password step succeeds, so showing the page only reads it.
   */
  challenge(citizenId: number): Challenge | Refusal {
    const citizen = this.current(citizenId)!;
    const refusal = this.refusalFor(citizen);
    if (refusal) return refusal;
    const card = this.deps.keycards.cardForLogin(citizen.id, this.deps.clock.now(citizen.classId))!;
    return { keyNumber: this.deps.keycards.challenge(card), cardNumber: card.cardNumber, isNewCard: card.status === 'sent' };
  }

  /** Step 2: the code typed from the key card. Runs without awaiting, so it is atomic. */
  answerKey(citizenId: number, code: string, service: string): KeyOutcome {
    const citizen = this.current(citizenId)!;
    const refusal = this.refusalFor(citizen);
    if (refusal) return refusal;
    const now = this.deps.clock.now(citizen.classId);
    const card = this.deps.keycards.cardForLogin(citizen.id, now)!;
    if (!card.challengeKey) return { kind: 'stale' };
    const answer = this.deps.keycards.answer(card, code, now);
    const settings = this.settingsOf(citizen);

    if (!answer.ok) {
      if (!answer.askedKey) return { kind: 'stale' };
      const counted = this.countWrongKey(citizen, { askedKey: answer.askedKey, typedCodeOf: answer.typedCodeOf?.key ?? null });
      if ('kind' in counted) return counted;
      return { kind: 'wrong', askedKey: answer.askedKey, typedCodeOf: answer.typedCodeOf, triesLeft: counted.triesLeft };
    }

    this.deps.citizens.clearKeyCount(citizen.id);
    this.record(citizen, 'key-used', 'R4', { cardNumber: card.cardNumber, key: card.challengeKey });
    if (answer.switchedToNewCard) this.record(citizen, 'card-taken-into-use', 'R4', { cardNumber: card.cardNumber });
    const renewedCard = this.deps.keycards.renewIfRunningOut(answer.card, settings.renewAtKeysLeft, now);
    if (renewedCard) {
      this.record(
        citizen,
        'card-issued',
        'R4',
        { cardNumber: renewedCard.cardNumber, reason: 'renewal', arrivesAt: renewedCard.arrivesAt },
        'issuer',
      );
    }
    this.record(citizen, 'login-ok', 'R2', { service });
    return { kind: 'ok', citizen: this.deps.citizens.findById(citizen.id)!, renewedCard, switchedToNewCard: answer.switchedToNewCard };
  }
}
