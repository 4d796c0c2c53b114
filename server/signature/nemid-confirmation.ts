import type { CitizenRepository } from '../citizen/citizen-repository.ts';
import type { ClassClock } from '../common/clock.ts';
import type { Actor, EventLog } from '../common/event-log.ts';
import type { KeyCardService } from '../keycard/keycard-service.ts';
import type { Challenge, PasswordOutcome, Refusal } from '../login/login-service.ts';
import type { ClassRepository } from '../classes/class-repository.ts';

export interface ConfirmationDeps {
  classes: ClassRepository;
  citizens: CitizenRepository;
  keycards: KeyCardService;
  clock: ClassClock;
  events: EventLog;
  endSessions: (citizenIds: number[]) => void;
  /** The login's own password step and key challenge, so counting and locks are the same as at login. */
  checkPassword: (identifier: string, password: string) => Promise<PasswordOutcome>;
  challenge: (citizenId: number) => Challenge | Refusal;
}

export type ConfirmOutcome =
  { kind: 'ok' } | { kind: 'wrong'; askedKey: string; triesLeft: number } | { kind: 'stale' } | { kind: 'refused'; refusal: Refusal };

/**
 * Confirming an action with NemID inside a service after the login: a bank transfer
 * (a key code) or a digital signature (R3: password and a key code). The same key card,
 * the same one-time keys and the same LOCK003 after too many wrong codes as at login.
 */
export class NemidConfirmation {
  constructor(private readonly deps: ConfirmationDeps) {}

  challenge(citizenId: number): Challenge | Refusal {
    return this.deps.challenge(citizenId);
  }

  /** The password step of a signature; wrong passwords count towards LOCK001 as at login. */
  async password(citizenId: number, password: string): Promise<'ok' | 'wrong' | Refusal> {
    const citizen = this.deps.citizens.findById(citizenId)!;
    const outcome = await this.deps.checkPassword(citizen.nemidNumber, password);
    if (outcome.kind === 'key') return 'ok';
    if (outcome.kind === 'wrong' || outcome.kind === 'choose-password') return 'wrong';
    return outcome;
  }

  /** Checks the code for the key asked; a correct code uses the key up. Runs without awaiting. */
  answer(citizenId: number, code: string, purpose: string, rule: string): ConfirmOutcome {
    const challenge = this.deps.challenge(citizenId);
    if ('kind' in challenge) return { kind: 'refused', refusal: challenge };
    const citizen = this.deps.citizens.findById(citizenId)!;
    const now = this.deps.clock.now(citizen.classId);
    const settings = this.deps.classes.findById(citizen.classId)!.settings;
    const card = this.deps.keycards.cardForLogin(citizen.id, now)!;
    const answer = this.deps.keycards.answer(card, code, now);
    const record = (type: string, recordRule: string, data: Record<string, unknown>, actor: Actor = 'trainee') =>
      this.deps.events.record({ classId: citizen.classId, citizenId, actor, type, rule: recordRule, data: { purpose, ...data }, at: now });
    if (!answer.ok) {
      if (!answer.askedKey) return { kind: 'stale' };
      const count = this.deps.citizens.addWrongKey(citizen.id);
      record('wrong-key', 'R4', { askedKey: answer.askedKey, count });
      if (count >= settings.keyTries) {
        this.deps.citizens.setState(citizen.id, 'blocked', 'LOCK003', null);
        record('locked', 'LOCK003', { until: null });
        this.deps.endSessions([citizen.id]);
        return { kind: 'refused', refusal: { kind: 'locked', code: 'LOCK003', until: null } };
      }
      return { kind: 'wrong', askedKey: answer.askedKey, triesLeft: settings.keyTries - count };
    }
    this.deps.citizens.clearKeyCount(citizen.id);
    record('key-used', rule, { cardNumber: card.cardNumber, key: challenge.keyNumber });
    const renewed = this.deps.keycards.renewIfRunningOut(answer.card, settings.renewAtKeysLeft, now);
    if (renewed) record('card-issued', 'R4', { cardNumber: renewed.cardNumber, reason: 'renewal', arrivesAt: renewed.arrivesAt }, 'issuer');
    return { kind: 'ok' };
  }
}
