import type { CitizenRepository } from '../citizen/citizen-repository.ts';
import { normalisePassword, passwordProblems } from '../citizen/credentials.ts';
import type { Citizen } from '../citizen/types.ts';
import { hashPassword, verifyAgainstNothing, verifyPassword } from '../common/passwords.ts';
import type { KeyCardService } from '../keycard/keycard-service.ts';
import type { KeyCard } from '../keycard/types.ts';
import type { LoginService, Refusal } from '../login/login-service.ts';
import type { BlockingRepository } from './blocking-repository.ts';
import type { ActionResult, BlockingService } from './blocking-service.ts';
import type { IssuerLetters } from './notices.ts';
import type { UserBlockReason } from './types.ts';

export interface SelfServiceDeps {
  citizens: CitizenRepository;
  repo: BlockingRepository;
  keycards: KeyCardService;
  login: LoginService;
  blocking: BlockingService;
  letters: IssuerLetters;
  endSessions: (citizenIds: number[]) => void;
}

export type SignInOutcome =
  | { kind: 'ok'; citizen: Citizen }
  /** A wrong user ID and a wrong password look the same. */
  | { kind: 'wrong' }
  | { kind: 'pending' }
  | Refusal;

export interface KeyQuestion {
  keyNumber: string;
  cardNumber: string;
}

export type PasswordChangeErrors = Partial<Record<'code' | 'password' | 'repeat' | 'form', string[]>>;

export type PasswordChangeOutcome = { kind: 'changed' } | { kind: 'invalid'; errors: PasswordChangeErrors; triesLeft?: number } | Refusal;

/**
 * The issuer's self-service site (`/nemid`): the owner signs in with user ID and password
 * only, no key card (as in reality), so that a lost card can still be blocked and a new
 * one ordered. A NemID the owner blocked themselves may sign in; any other lock refuses,
 * with the same message as the login.
 */
export class SelfService {
  constructor(private readonly deps: SelfServiceDeps) {}

  async signIn(identifier: string, password: string): Promise<SignInOutcome> {
    const found = this.deps.citizens.findByIdentifier(identifier);
    if (!found) {
      await verifyAgainstNothing(normalisePassword(password));
      return { kind: 'wrong' };
    }
    const citizen = this.deps.login.current(found.id)!;
    if (citizen.state === 'pending') return { kind: 'pending' };
    const ownBlock = citizen.state === 'blocked' && citizen.lockCode === 'USER';
    const refusal = this.deps.login.refusalFor(citizen);
    if (refusal && refusal.kind !== 'no-card' && !ownBlock) return refusal;

    const correct = citizen.passwordHash !== null && (await verifyPassword(citizen.passwordHash, normalisePassword(password)));
    const fresh = this.deps.citizens.findById(citizen.id)!;
    if (correct) {
      if (fresh.state === 'active') this.deps.citizens.clearPasswordCount(fresh.id);
      return { kind: 'ok', citizen: fresh };
    }
    // Wrong passwords count as at the login, except on a block the owner made: a lock
    // must not replace it (an 8-hour lock would end it by itself).
    if (fresh.state === 'active') {
      const late = this.deps.login.countWrongPassword(fresh);
      if (late.kind !== 'counted' && late.kind !== 'no-card') return late;
    }
    return { kind: 'wrong' };
  }

  /** The owner blocks NemID at the self-service site (R14). */
  block(citizenId: number, reason: UserBlockReason): ActionResult {
    return this.deps.blocking.blockByOwner(citizenId, reason, { actor: 'trainee', channel: 'self-service' });
  }

  /** The citizen as of now, if their self-service session may go on. */
  signedIn(citizenId: number): Citizen | undefined {
    const citizen = this.deps.login.current(citizenId);
    if (!citizen) return undefined;
    const ownBlock = citizen.state === 'blocked' && citizen.lockCode === 'USER';
    return citizen.state === 'active' || ownBlock ? citizen : undefined;
  }

  private cardFor(citizen: Citizen): KeyCard | undefined {
    return this.deps.keycards.cardForLogin(citizen.id, this.deps.blocking.now(citizen));
  }

  /** The key asked to confirm a password change: the same one the login would ask. */
  keyQuestion(citizen: Citizen): KeyQuestion | undefined {
    if (citizen.state !== 'active') return undefined;
    const card = this.cardFor(citizen);
    if (!card || this.deps.keycards.keysLeft(card) === 0) return undefined;
    return { keyNumber: this.deps.keycards.challenge(card), cardNumber: card.cardNumber };
  }

  /** Changes the password (R4 rules) after a correct code from the key card. */
  async changePassword(citizenId: number, input: { code: string; password: string; repeat: string }): Promise<PasswordChangeOutcome> {
    const citizen = this.deps.login.current(citizenId)!;
    if (citizen.state !== 'active') return { kind: 'invalid', errors: { form: ['blocking:password.notWhileBlocked'] } };
    const errors: PasswordChangeErrors = {};
    const problems = passwordProblems(input.password, { cpr: citizen.cpr, nemidNumber: citizen.nemidNumber }, citizen.userId);
    if (problems.length > 0) errors.password = problems;
    if (input.password !== input.repeat) errors.repeat = ['credentials:password.repeatDiffers'];
    if (!/^\d{6}$/.test(input.code)) errors.code = ['login:errors.codeFormat'];
    if (Object.keys(errors).length > 0) return { kind: 'invalid', errors };

    const hash = await hashPassword(normalisePassword(input.password));
    const fresh = this.deps.login.current(citizenId)!;
    const card = fresh.state === 'active' ? this.cardFor(fresh) : undefined;
    if (!card) return { kind: 'invalid', errors: { form: ['blocking:password.noCard'] } };
    const answer = this.deps.keycards.answer(card, input.code, this.deps.blocking.now(fresh));
    if (!answer.ok) {
      if (!answer.askedKey) return { kind: 'invalid', errors: { form: ['blocking:password.keyAnswered'] } };
      const counted = this.deps.login.countWrongKey(fresh, { askedKey: answer.askedKey, at: 'self-service' });
      if ('kind' in counted) return counted;
      return { kind: 'invalid', errors: { code: ['blocking:password.wrongCode'] }, triesLeft: counted.triesLeft };
    }
    this.deps.citizens.clearKeyCount(fresh.id);
    this.deps.repo.changePassword(fresh.id, hash);
    this.deps.blocking.record(fresh, { actor: 'trainee', channel: 'self-service' }, 'password-changed', 'R4', {
      cardNumber: card.cardNumber,
      key: card.challengeKey,
    });
    // A new password ends every session that the old one opened.
    this.deps.endSessions([fresh.id]);
    this.deps.letters.notify(fresh, 'password-changed');
    return { kind: 'changed' };
  }
}
