import type { CitizenRepository } from '../citizen/citizen-repository.ts';
import type { Citizen, LockCode } from '../citizen/types.ts';
import { addWorkingDays, type ClassClock } from '../common/clock.ts';
import type { EventLog } from '../common/event-log.ts';
import { postDeliveryWorkingDays, type KeyCardService } from '../keycard/keycard-service.ts';
import { formatCardNumber, type KeyCard } from '../keycard/types.ts';
import type { Db } from '../storage/connection.ts';
import type { ClassRepository } from '../classes/class-repository.ts';
import type { BlockingRepository } from './blocking-repository.ts';
import type { IssuerLetters } from './notices.ts';
import type { BlockReason, Doer, IssuerReason, UserBlockReason } from './types.ts';

export interface BlockingDeps {
  db: Db;
  classes: ClassRepository;
  citizens: CitizenRepository;
  repo: BlockingRepository;
  keycards: KeyCardService;
  clock: ClassClock;
  events: EventLog;
  letters: IssuerLetters;
  endSessions: (citizenIds: number[]) => void;
}

/** What an action did, or the locale key of why it could not be done (nothing changed then). */
export type ActionResult<T = object> = ({ ok: true } & T) | { ok: false; message: string };

const refused = (message: string): { ok: false; message: string } => ({ ok: false, message });

/** The rule an action follows: the owner reports (R14), the issuer acts (R15). */
const ruleOf = (doer: Doer) => (doer.actor === 'issuer' ? 'R15' : 'R14');

/**
 * Blocking ("spærring"), revocation ("inddragelse"), unblocking and new key cards: the
 * rules of R13-R15. A block stops only the login: every open session of the citizen
 * ends, but the digital mailbox keeps receiving letters (nothing here touches it), and
 * no new key card is sent by itself. Each change writes one event and tells the owner
 * in a letter.
 */
export class BlockingService {
  constructor(private readonly deps: BlockingDeps) {}

  citizen(citizenId: number): Citizen {
    const citizen = this.deps.citizens.findById(citizenId);
    if (!citizen) throw new Error(`No citizen ${citizenId}`);
    return citizen;
  }

  now(citizen: Pick<Citizen, 'classId'>): number {
    return this.deps.clock.now(citizen.classId);
  }

  record(citizen: Citizen, doer: Doer, type: string, rule: string, data: Record<string, unknown> = {}): void {
    this.deps.events.record({
      classId: citizen.classId,
      citizenId: citizen.id,
      actor: doer.actor,
      type,
      rule,
      data: { channel: doer.channel, ...(doer.operator ? { operator: doer.operator } : {}), ...data },
      at: this.now(citizen),
    });
  }

  /** The owner blocks NemID (R13, R14): by self-service or by phone. A lost card is blocked with it. */
  blockByOwner(citizenId: number, reason: UserBlockReason, doer: Doer): ActionResult {
    const citizen = this.citizen(citizenId);
    if (citizen.state === 'revoked') return refused('blocking:errors.revoked');
    // An issuer's block stays the issuer's: the owner cannot turn it into one support lifts.
    const code: LockCode = citizen.state === 'blocked' && citizen.lockCode === 'ISSUER' ? 'ISSUER' : 'USER';
    this.deps.db.transaction(() => {
      this.deps.repo.block(citizen.id, code, reason);
      const card = this.deps.keycards.activeCard(citizen.id);
      if (reason === 'lost-card' && card) this.deps.keycards.block(card);
      this.record(citizen, doer, 'blocked', 'R14', { reason, lockCode: code, cardBlocked: reason === 'lost-card' && Boolean(card) });
      this.deps.endSessions([citizen.id]);
      this.deps.letters.notify(citizen, 'blocked', { reasonKey: `blocking:reasons.${reason}` });
    })();
    return { ok: true };
  }

  /** The issuer blocks NemID (R15); only the issuer (or a temporary password it sends) opens it. */
  blockByIssuer(citizenId: number, reason: IssuerReason, doer: Doer): ActionResult {
    const citizen = this.citizen(citizenId);
    if (citizen.state === 'revoked') return refused('blocking:errors.revoked');
    this.deps.db.transaction(() => {
      this.deps.repo.block(citizen.id, 'ISSUER', reason);
      this.record(citizen, doer, 'blocked', 'R15', { reason, lockCode: 'ISSUER' });
      this.deps.endSessions([citizen.id]);
      this.deps.letters.notify(citizen, 'blocked', { reasonKey: `issuer:reasons.${reason}` });
    })();
    return { ok: true };
  }

  /**
   * The issuer revokes ("inddrager") NemID (R15). It is final: the cards are blocked, a
   * temporary password is void, and the citizen needs a new NemID. The mailbox and its
   * letters stay as they are (after a death too).
   */
  revoke(citizenId: number, reason: IssuerReason, doer: Doer): ActionResult {
    const citizen = this.citizen(citizenId);
    if (citizen.state === 'revoked') return refused('blocking:errors.revoked');
    this.deps.db.transaction(() => {
      this.deps.repo.revoke(citizen.id, reason);
      for (const card of this.usableCards(citizen.id)) this.deps.keycards.block(card);
      this.record(citizen, doer, 'revoked', 'R15', { reason });
      this.deps.endSessions([citizen.id]);
      this.deps.letters.notify(citizen, 'revoked', { reasonKey: `issuer:reasons.${reason}` });
    })();
    return { ok: true };
  }

  /** The issuer opens a locked or blocked NemID at once (support unblocking LOCK002, LOCK003 or a block). */
  unblock(citizenId: number, doer: Doer): ActionResult {
    const citizen = this.citizen(citizenId);
    if (citizen.state === 'revoked') return refused('blocking:errors.revoked');
    if (citizen.state !== 'blocked' && citizen.state !== 'locked') return refused('blocking:errors.notBlocked');
    this.deps.db.transaction(() => {
      this.deps.repo.unblock(citizen.id);
      this.record(citizen, doer, 'unblocked', ruleOf(doer), { lockCode: citizen.lockCode });
      this.deps.letters.notify(citizen, 'unblocked');
    })();
    return { ok: true };
  }

  private usableCards(citizenId: number): KeyCard[] {
    return this.deps.keycards.cardsOf(citizenId).filter((card) => card.status === 'active' || card.status === 'sent');
  }

  /**
   * A new key card (R4: issued on request). With a usable card it is an extra card
   * (SPEC: up to `maxExtraCards` ordered by the holder); after the card was blocked it
   * is a replacement. It comes by post after 3 working days, or at once when handed over
   * in person. Never sent by itself after a block.
   */
  orderCard(citizenId: number, doer: Doer, handOver = false): ActionResult<{ card: KeyCard }> {
    const citizen = this.citizen(citizenId);
    if (citizen.state === 'revoked') return refused('blocking:errors.revoked');
    if (citizen.state === 'pending') return refused('blocking:errors.pending');
    if (this.deps.keycards.cardOnItsWay(citizen.id)) return refused('blocking:errors.cardOnItsWay');
    const settings = this.deps.classes.findById(citizen.classId)!.settings;
    const usable = this.deps.keycards.activeCard(citizen.id);
    if (usable && doer.actor !== 'issuer' && this.deps.keycards.extraCardsOrdered(citizen.id) >= settings.maxExtraCards) {
      return refused('blocking:errors.tooManyExtraCards');
    }
    const now = this.now(citizen);
    const immediate = handOver && !usable;
    return this.deps.db.transaction(() => {
      const card = this.deps.keycards.issue(citizen.id, {
        keyCount: settings.keysPerCard,
        reason: usable ? 'extra' : 'replacement',
        status: immediate ? 'active' : 'sent',
        issuedAt: now,
        arrivesAt: immediate ? now : addWorkingDays(now, postDeliveryWorkingDays),
      });
      this.record(citizen, doer, 'card-issued', doer.actor === 'issuer' ? 'R15' : 'R4', {
        cardNumber: card.cardNumber,
        reason: card.reason,
        arrivesAt: card.arrivesAt,
      });
      this.deps.letters.notify(citizen, immediate ? 'card-handed-over' : 'card-ordered', { timeArrives: card.arrivesAt });
      if (!immediate) this.deps.letters.keyCard(citizen, formatCardNumber(card.cardNumber), card.arrivesAt);
      return { ok: true as const, card };
    })();
  }

  /** True when the holder has no usable key card and none on its way (a lost card was blocked). */
  needsCard(citizenId: number): boolean {
    const citizen = this.citizen(citizenId);
    if (citizen.state === 'revoked' || citizen.state === 'pending') return false;
    return !this.deps.keycards.activeCard(citizenId) && !this.deps.keycards.cardOnItsWay(citizenId);
  }

  /** Why the NemID is blocked or revoked now, if it is. */
  reasonOf(citizenId: number): BlockReason | null {
    return this.deps.repo.blockReason(citizenId);
  }
}
