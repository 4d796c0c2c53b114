import { addWorkingDays } from '../common/clock.ts';
import { cryptoRandom, type RandomInt } from '../common/random.ts';
import { KeyCardCodes, newCardNumber, newNonce } from './keycard-codes.ts';
import type { KeyCardRepository } from './keycard-repository.ts';
import type { CardReason, CardStatus, KeyCard, PrintedKey } from './types.ts';

/** Post from the issuer takes this many working days to arrive (a renewed card). */
export const postDeliveryWorkingDays = 3;

export type KeyAnswer =
  | { ok: true; card: KeyCard; switchedToNewCard: boolean }
  /** `typedCodeOf` is set when the code typed belongs to another key of the same card. */
  | { ok: false; askedKey: string; typedCodeOf?: { key: string; used: boolean } };

/**
 * Key cards: issue them, ask a key, check a code, renew a running-out card. The one
 * place that decides anything about keys.
 *
 * Renewal: when a correct code leaves `renewAtKeysLeft` unused keys, a new card is sent
 * by post (it arrives after 3 working days on the class clock). The old card is asked
 * until the new one has arrived; the first login after that asks a key of the new card,
 * and its first correct code retires the old card. If the old card runs out first, the
 * new card is asked at once.
 */
export class KeyCardService {
  constructor(
    private readonly repo: KeyCardRepository,
    private readonly codes: KeyCardCodes,
    /** Card numbers, nonces and the asked key; tests pass a seeded source. */
    private readonly random: RandomInt = cryptoRandom,
  ) {}

  /** A card number not used before, and a fresh nonce for the codes. */
  newIdentity(): { number: string; nonce: string } {
    let number = newCardNumber(this.random);
    while (this.repo.cardNumberTaken(number)) number = newCardNumber(this.random);
    return { number, nonce: newNonce(this.random) };
  }

  issue(
    citizenId: number,
    options: {
      keyCount: number;
      reason: CardReason;
      status: CardStatus;
      issuedAt: number;
      arrivesAt?: number;
      identity?: { number: string; nonce: string };
    },
  ): KeyCard {
    const identity = options.identity ?? this.newIdentity();
    const id = this.repo.insert({
      citizenId,
      cardNumber: identity.number,
      nonce: identity.nonce,
      keyCount: options.keyCount,
      status: options.status,
      reason: options.reason,
      issuedAt: options.issuedAt,
      arrivesAt: options.arrivesAt ?? options.issuedAt,
    });
    return this.repo.findById(id)!;
  }

  /** Marks the first keys of a card (in printed order) as used, as a scenario's `keysLeft` asks. */
  useFirstKeys(card: KeyCard, count: number, at: number): void {
    this.repo.markManyUsed(card.id, this.codes.keyNumbers(card.nonce, card.keyCount).slice(0, count), at);
  }

  keyNumbers(card: KeyCard): string[] {
    return this.codes.keyNumbers(card.nonce, card.keyCount);
  }

  unusedKeys(card: KeyCard): string[] {
    const used = this.repo.usedKeys(card.id);
    return this.keyNumbers(card).filter((key) => !used.has(key));
  }

  keysLeft(card: KeyCard): number {
    return card.keyCount - this.repo.usedCount(card.id);
  }

  /** The whole card as printed: key numbers with their codes. */
  printed(card: KeyCard): PrintedKey[] {
    const used = this.repo.usedKeys(card.id);
    return this.keyNumbers(card).map((key) => ({ key, code: this.codes.code(card.nonce, key), used: used.has(key) }));
  }

  activeCard(citizenId: number): KeyCard | undefined {
    return this.repo.latestWithStatus(citizenId, 'active');
  }

  /** The card sent by post and not yet taken into use, if any. */
  cardOnItsWay(citizenId: number): KeyCard | undefined {
    return this.repo.latestWithStatus(citizenId, 'sent');
  }

  cardsOf(citizenId: number): KeyCard[] {
    return this.repo.cardsOf(citizenId);
  }

  /**
   * The card the login asks a key from now (see the class comment on renewal). A card
   * sent after the old one was blocked (a lost card) is asked only once it has arrived.
   */
  cardForLogin(citizenId: number, now: number): KeyCard | undefined {
    const active = this.activeCard(citizenId);
    const sent = this.cardOnItsWay(citizenId);
    if (sent && (sent.arrivesAt <= now || (active && this.keysLeft(active) === 0))) return sent;
    return active;
  }

  /** Notes that the class's teacher printed these cards (for "print only new cards"). */
  markPrinted(cardIds: number[], at: number): void {
    this.repo.markPrinted(cardIds, at);
  }

  /** Blocks a card (lost, or its NemID revoked): no key of it is asked or accepted again. */
  block(card: KeyCard): void {
    this.repo.clearChallenge(card.id);
    this.repo.setStatus(card.id, 'blocked');
  }

  /** How many extra cards the holder has ordered (SPEC: up to 3). */
  extraCardsOrdered(citizenId: number): number {
    return this.cardsOf(citizenId).filter((card) => card.reason === 'extra').length;
  }

  /**
   * The key asked for on this card. The same key is asked until it is answered
   * correctly, across reloads and new logins, so a challenge cannot be swapped.
   */
  challenge(card: KeyCard): string {
    if (card.challengeKey) return card.challengeKey;
    const unused = this.unusedKeys(card);
    if (unused.length === 0) throw new Error(`Key card ${card.id} has no unused keys`);
    return this.repo.askKey(card.id, unused[this.random(0, unused.length)]!);
  }

  /** Checks a typed code against the key asked; a correct code uses the key up, once. */
  answer(card: KeyCard, typed: string, now: number): KeyAnswer {
    const asked = this.repo.findById(card.id)?.challengeKey;
    if (!asked) return { ok: false, askedKey: '' };
    if (this.codes.matches(card.nonce, asked, typed) && this.repo.markUsed(card.id, asked, now)) {
      this.repo.clearChallenge(card.id);
      const switchedToNewCard = card.status === 'sent';
      if (switchedToNewCard) {
        const old = this.activeCard(card.citizenId);
        if (old) this.repo.setStatus(old.id, 'replaced');
        this.repo.setStatus(card.id, 'active');
      }
      return { ok: true, card: this.repo.findById(card.id)!, switchedToNewCard };
    }
    return { ok: false, askedKey: asked, typedCodeOf: this.whoseCode(card, typed) };
  }

  private whoseCode(card: KeyCard, typed: string): { key: string; used: boolean } | undefined {
    if (!/^\d{6}$/.test(typed)) return undefined;
    const used = this.repo.usedKeys(card.id);
    const key = this.keyNumbers(card).find((candidate) => this.codes.code(card.nonce, candidate) === typed);
    return key ? { key, used: used.has(key) } : undefined;
  }

  /** Sends a new card by post when the active one runs low; returns it when one was sent. */
  renewIfRunningOut(card: KeyCard, renewAtKeysLeft: number, now: number): KeyCard | undefined {
    if (card.status !== 'active' || this.keysLeft(card) > renewAtKeysLeft) return undefined;
    if (this.cardOnItsWay(card.citizenId)) return undefined;
    return this.issue(card.citizenId, {
      keyCount: card.keyCount,
      reason: 'renewal',
      status: 'sent',
      issuedAt: now,
      arrivesAt: addWorkingDays(now, postDeliveryWorkingDays),
    });
  }
}
