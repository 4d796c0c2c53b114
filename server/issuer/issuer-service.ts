import type { CitizenRepository } from '../citizen/citizen-repository.ts';
import type { Citizen } from '../citizen/types.ts';
import type { ClassClock } from '../common/clock.ts';
import { UsageError } from '../common/errors.ts';
import type { EventLog, EventRow } from '../common/event-log.ts';
import { hashPassword, verifyAgainstNothing, verifyPassword } from '../common/passwords.ts';
import type { KeyCardService } from '../keycard/keycard-service.ts';
import type { KeyCard } from '../keycard/types.ts';
import type { LoginService } from '../login/login-service.ts';
import type { ActionResult, BlockingService } from '../blocking/blocking-service.ts';
import type { TemporaryPasswordService } from '../blocking/temporary-password-service.ts';
import type { BlockReason, Doer, IssuerReason } from '../blocking/types.ts';
import type { ClassRepository } from '../classes/class-repository.ts';
import type { ClassRow } from '../classes/types.ts';
import type { CitizenHit, OperatorRepository, OperatorRow } from './operator-repository.ts';

export interface IssuerDeps {
  operators: OperatorRepository;
  citizens: CitizenRepository;
  classes: ClassRepository;
  keycards: KeyCardService;
  clock: ClassClock;
  events: EventLog;
  login: LoginService;
  blocking: BlockingService;
  temporaryPasswords: TemporaryPasswordService;
}

/** Everything the console shows about one NemID holder. */
export interface CitizenFile {
  citizen: Citizen;
  klass: ClassRow;
  now: number;
  reason: BlockReason | null;
  cards: (KeyCard & { keysLeft: number })[];
  events: EventRow[];
}

export type IssuerAction = 'block' | 'revoke' | 'unblock' | 'card' | 'temporary-password';

/**
 * The issuer's operators ("Nets DanID" in the seed) and what they may do (R15): find a
 * NemID holder, read their file, block or revoke ("inddrage") with a reason, unblock,
 * and send a new key card or a temporary password.
 */
export class IssuerService {
  constructor(private readonly deps: IssuerDeps) {}

  /** Creates an operator account (the `sandbox operator add` command). */
  async addOperator(username: string, password: string, now: number): Promise<number> {
    if (!/^[A-Za-z0-9._-]{3,40}$/.test(username))
      throw new UsageError('An operator username has 3-40 letters, digits, dots, dashes or underscores');
    if (password.length < 10 || password.length > 200) throw new UsageError('An operator password has at least 10 characters');
    if (this.deps.operators.findByUsername(username)) throw new UsageError(`An operator named ${username} exists already`);
    return this.deps.operators.insert(username, await hashPassword(password), now);
  }

  async authenticate(username: string, password: string): Promise<OperatorRow | undefined> {
    const operator = this.deps.operators.findByUsername(username);
    if (!operator) return verifyAgainstNothing(password).then(() => undefined);
    return (await verifyPassword(operator.passwordHash, password)) ? operator : undefined;
  }

  operator(id: number): OperatorRow | undefined {
    return this.deps.operators.findById(id);
  }

  search(text: string): CitizenHit[] {
    return text.trim().length < 2 ? [] : this.deps.operators.search(text.slice(0, 100));
  }

  /** The holder's file, or nothing when there is no such holder. */
  file(citizenId: number): CitizenFile | undefined {
    const citizen = this.deps.login.current(citizenId);
    if (!citizen) return undefined;
    return {
      citizen,
      klass: this.deps.classes.findById(citizen.classId)!,
      now: this.deps.clock.now(citizen.classId),
      reason: this.deps.blocking.reasonOf(citizen.id),
      cards: this.deps.keycards.cardsOf(citizen.id).map((card) => ({ ...card, keysLeft: this.deps.keycards.keysLeft(card) })),
      events: this.deps.events.list({ citizenId: citizen.id }).reverse(),
    };
  }

  /** Carries out one R15 action; a refusal changes nothing and says why. */
  async act(citizenId: number, action: IssuerAction, reason: IssuerReason | undefined, operator: OperatorRow): Promise<ActionResult> {
    const doer: Doer = { actor: 'issuer', channel: 'issuer', operator: operator.username };
    const { blocking } = this.deps;
    switch (action) {
      case 'block':
        return reason ? blocking.blockByIssuer(citizenId, reason, doer) : { ok: false, message: 'issuer:errors.reasonMissing' };
      case 'revoke':
        return reason ? blocking.revoke(citizenId, reason, doer) : { ok: false, message: 'issuer:errors.reasonMissing' };
      case 'unblock':
        return blocking.unblock(citizenId, doer);
      case 'card':
        return blocking.orderCard(citizenId, doer);
      case 'temporary-password':
        return this.deps.temporaryPasswords.sendByPost(citizenId, doer);
    }
  }
}
