import { normalisePassword } from '../citizen/credentials.ts';
import type { CitizenRepository } from '../citizen/citizen-repository.ts';
import { fictionalPassword } from '../citizen/fictional-identity.ts';
import type { Citizen } from '../citizen/types.ts';
import { addWorkingDays } from '../common/clock.ts';
import { hashPassword, verifyAgainstNothing, verifyPassword } from '../common/passwords.ts';
import type { KeyCardService } from '../keycard/keycard-service.ts';
import type { TemporaryPasswordHooks } from '../login/login-service.ts';
import type { Db } from '../storage/connection.ts';
import type { BlockingRepository } from './blocking-repository.ts';
import type { ActionResult, BlockingService } from './blocking-service.ts';
import type { IssuerLetters } from './notices.ts';
import type { Doer } from './types.ts';
import { danishTime } from '../common/danish-time.ts';
import { cryptoRandom, type RandomInt } from '../common/random.ts';

export interface TemporaryPasswordDeps {
  db: Db;
  citizens: CitizenRepository;
  repo: BlockingRepository;
  keycards: KeyCardService;
  blocking: BlockingService;
  letters: IssuerLetters;
  endSessions: (citizenIds: number[]) => void;
  /** Where temporary passwords come from (the operating system's by default). */
  random?: RandomInt;
}

/**
 * When a temporary password sent by post arrives: 3 working days when ordered before
 * noon (it is posted the same day), otherwise 4 (SPEC: "after 3-4 working days").
 */
export function postArrival(orderedAt: number): number {
  return addWorkingDays(orderedAt, danishTime(orderedAt).hour < 12 ? 3 : 4);
}

/**
 * An order's outcome. A refusal for a right user ID with a card that cannot be used names
 * the citizen (the pair proves who it is, as a successful order does) and, for a card in
 * the post, when it arrives, so the page can show what to wait for.
 */
export type OrderResult =
  { ok: true; arrivesAt: number; citizenId: number } | { ok: false; message: string; citizenId?: number; arrivesAt?: number };

const digitsOnly = (text: string) => text.replace(/[\s-]/g, '');

/**
 * Temporary passwords ("midlertidig adgangskode"), the way back in after a forgotten
 * password or any block support can lift (R13). Ordering one blocks NemID at once; it
 * comes by paper post after 3-4 working days, or is handed over at Borgerservice or a
 * bank against photo ID. Logging in with it opens the NemID and asks for a new password.
 */
export class TemporaryPasswordService implements TemporaryPasswordHooks {
  constructor(private readonly deps: TemporaryPasswordDeps) {}

  /**
   * Forgotten password, by self-service: the user ID and the number printed on the key
   * card in hand. That is the card in use, or a new card once it has come by post (after
   * a lost card it is not in use until the first login with it, which needs the password
   * the holder has forgotten). A wrong pair says nothing about which part was wrong, and
   * changes nothing. A right pair with a card the holder cannot order with (the lost
   * card, a card still in the post, a retired card) says what to do instead.
   */
  async order(identifier: string, cardNumber: string): Promise<OrderResult> {
    const citizen = this.deps.citizens.findByIdentifier(identifier);
    const digits = digitsOnly(cardNumber);
    const card = citizen ? this.deps.keycards.cardsOf(citizen.id).find((candidate) => candidate.cardNumber === digits) : undefined;
    const now = citizen ? this.deps.blocking.now(citizen) : 0;
    const inHand = card !== undefined && (card.status === 'active' || (card.status === 'sent' && card.arrivesAt <= now));
    if (!citizen || !card || !inHand) {
      await verifyAgainstNothing(digits); // the same time as a real order, so a guess learns nothing
      if (!citizen || !card) return { ok: false, message: 'blocking:temporary.mismatch' };
      if (card.status === 'sent')
        return { ok: false, message: 'blocking:temporary.cardNotArrived', citizenId: citizen.id, arrivesAt: card.arrivesAt };
      const newCard = this.deps.keycards.cardOnItsWay(citizen.id);
      if (card.status === 'blocked') {
        return newCard
          ? { ok: false, message: 'blocking:temporary.cardLostNewComing', citizenId: citizen.id, arrivesAt: newCard.arrivesAt }
          : { ok: false, message: 'blocking:temporary.cardLost' };
      }
      return { ok: false, message: 'blocking:temporary.cardReplaced' };
    }
    if (citizen.state === 'revoked') return { ok: false, message: 'blocking:errors.revoked' };
    if (citizen.state === 'pending') return { ok: false, message: 'blocking:errors.pending' };
    const sent = await this.sendByPost(citizen.id, { actor: 'trainee', channel: 'self-service' });
    return sent.ok ? { ...sent, citizenId: citizen.id } : sent;
  }

  /** Sends a temporary password by paper post (self-service, phone line or issuer). */
  async sendByPost(citizenId: number, doer: Doer): Promise<ActionResult<{ arrivesAt: number }>> {
    const citizen = this.deps.blocking.citizen(citizenId);
    const arrivesAt = postArrival(this.deps.blocking.now(citizen));
    const result = await this.issue(citizen, doer, arrivesAt);
    return result.ok ? { ok: true, arrivesAt } : result;
  }

  /** Hands a temporary password over at once, in person, against photo ID (Borgerservice or a bank). */
  async handOver(citizenId: number, doer: Doer): Promise<ActionResult<{ password: string }>> {
    const citizen = this.deps.blocking.citizen(citizenId);
    return this.issue(citizen, doer, this.deps.blocking.now(citizen));
  }

  private async issue(citizen: Citizen, doer: Doer, from: number): Promise<ActionResult<{ password: string }>> {
    if (citizen.state === 'revoked') return { ok: false, message: 'blocking:errors.revoked' };
    const password = fictionalPassword(this.deps.random ?? cryptoRandom);
    const hash = await hashPassword(normalisePassword(password));
    const rule = doer.actor === 'issuer' ? 'R15' : 'R13';
    return this.deps.db.transaction(() => {
      const fresh = this.deps.blocking.citizen(citizen.id);
      if (fresh.state === 'revoked') return { ok: false as const, message: 'blocking:errors.revoked' };
      // Ordering a temporary password blocks NemID at once (SPEC); an existing block keeps its code.
      if (fresh.state !== 'blocked') {
        this.deps.repo.block(fresh.id, doer.actor === 'issuer' ? 'ISSUER' : 'USER', 'forgotten-password');
        this.deps.blocking.record(fresh, doer, 'blocked', rule, { reason: 'forgotten-password' });
        this.deps.endSessions([fresh.id]);
      }
      this.deps.repo.setTemporaryPassword(fresh.id, hash, from);
      this.deps.blocking.record(fresh, doer, 'temporary-password-issued', rule, { usableFrom: from });
      this.deps.letters.temporaryPassword(fresh, password, from);
      this.deps.letters.notify(fresh, 'temporary-password-sent', { timeArrives: from });
      return { ok: true as const, password };
    })();
  }

  /** When a temporary password still in the post arrives, if one is on its way. */
  arrivesAt(citizenId: number): number | null {
    const temporary = this.deps.repo.temporaryPassword(citizenId);
    const now = this.deps.blocking.now(this.deps.blocking.citizen(citizenId));
    return temporary && temporary.from > now ? temporary.from : null;
  }

  /** Login hook: the temporary password, once it has arrived, opens the NemID for a new password. */
  async unblockWith(citizen: Citizen, password: string): Promise<boolean> {
    if (citizen.state === 'revoked' || citizen.state === 'pending') return false;
    const temporary = this.deps.repo.temporaryPassword(citizen.id);
    if (!temporary || temporary.from > this.deps.blocking.now(citizen)) return false;
    if (!(await verifyPassword(temporary.hash, normalisePassword(password)))) return false;
    const fresh = this.deps.blocking.citizen(citizen.id);
    if (fresh.state === 'revoked' || !this.deps.repo.unblockForNewPassword(fresh.id)) return false;
    this.deps.blocking.record(fresh, { actor: 'trainee', channel: 'login' }, 'unblocked', 'R13', { via: 'temporary-password' });
    if (fresh.state !== 'active') this.deps.letters.notify(fresh, 'unblocked');
    return true;
  }

  /** Login hook: a new password replaced the temporary one; the owner is told (ASVS 2.2.3). */
  passwordChosen(citizen: Citizen): void {
    this.deps.letters.notify(citizen, 'password-changed');
  }
}
