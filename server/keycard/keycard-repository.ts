import type { Db } from '../storage/connection.ts';
import type { CardReason, CardStatus, KeyCard } from './types.ts';

interface RawCard {
  id: number;
  citizen_id: number;
  card_number: string;
  nonce: string;
  key_count: number;
  status: CardStatus;
  reason: CardReason;
  issued_at: number;
  arrives_at: number;
  challenge_key: string | null;
  printed_at: number | null;
}

function toCard(raw: RawCard | undefined): KeyCard | undefined {
  if (!raw) return undefined;
  return {
    id: raw.id,
    citizenId: raw.citizen_id,
    cardNumber: raw.card_number,
    nonce: raw.nonce,
    keyCount: raw.key_count,
    status: raw.status,
    reason: raw.reason,
    issuedAt: raw.issued_at,
    arrivesAt: raw.arrives_at,
    challengeKey: raw.challenge_key,
    printedAt: raw.printed_at,
  };
}

export type NewCard = Omit<KeyCard, 'id' | 'challengeKey' | 'printedAt'>;

/** The only place with SQL about key cards ("nøglekort") and their used keys. */
export class KeyCardRepository {
  private readonly stmts;

  constructor(private readonly db: Db) {
    this.stmts = {
      byId: db.prepare<[number], RawCard>('SELECT * FROM keycards WHERE id = ?'),
      ofCitizen: db.prepare<[number], RawCard>('SELECT * FROM keycards WHERE citizen_id = ? ORDER BY id'),
      withStatus: db.prepare<[number, CardStatus], RawCard>(
        'SELECT * FROM keycards WHERE citizen_id = ? AND status = ? ORDER BY id DESC LIMIT 1',
      ),
      insert: db.prepare(
        `INSERT INTO keycards (citizen_id, card_number, nonce, key_count, status, reason, issued_at, arrives_at)
         VALUES (@citizenId, @cardNumber, @nonce, @keyCount, @status, @reason, @issuedAt, @arrivesAt)`,
      ),
      used: db.prepare<[number], { key_number: string }>('SELECT key_number FROM used_keys WHERE card_id = ?'),
      usedCount: db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM used_keys WHERE card_id = ?'),
      markUsed: db.prepare('INSERT OR IGNORE INTO used_keys (card_id, key_number, used_at) VALUES (?, ?, ?)'),
      setChallenge: db.prepare('UPDATE keycards SET challenge_key = ? WHERE id = ?'),
      setChallengeIfEmpty: db.prepare('UPDATE keycards SET challenge_key = ? WHERE id = ? AND challenge_key IS NULL'),
      setStatus: db.prepare('UPDATE keycards SET status = ? WHERE id = ?'),
      markPrinted: db.prepare('UPDATE keycards SET printed_at = ? WHERE id = ?'),
      cardNumberTaken: db.prepare<[string], { id: number }>('SELECT id FROM keycards WHERE card_number = ?'),
    };
  }

  findById(id: number): KeyCard | undefined {
    return toCard(this.stmts.byId.get(id));
  }

  cardsOf(citizenId: number): KeyCard[] {
    return this.stmts.ofCitizen.all(citizenId).map((raw) => toCard(raw)!);
  }

  latestWithStatus(citizenId: number, status: CardStatus): KeyCard | undefined {
    return toCard(this.stmts.withStatus.get(citizenId, status));
  }

  insert(card: NewCard): number {
    return Number(this.stmts.insert.run(card).lastInsertRowid);
  }

  cardNumberTaken(cardNumber: string): boolean {
    return this.stmts.cardNumberTaken.get(cardNumber) !== undefined;
  }

  usedKeys(cardId: number): Set<string> {
    return new Set(this.stmts.used.all(cardId).map((row) => row.key_number));
  }

  usedCount(cardId: number): number {
    return this.stmts.usedCount.get(cardId)!.n;
  }

  /** Marks a key used; returns false when it already was, so a key works once, ever. */
  markUsed(cardId: number, keyNumber: string, at: number): boolean {
    return this.stmts.markUsed.run(cardId, keyNumber, at).changes === 1;
  }

  markManyUsed(cardId: number, keyNumbers: string[], at: number): void {
    for (const key of keyNumbers) this.stmts.markUsed.run(cardId, key, at);
  }

  /** Sets the key asked for when none is asked yet; returns the key now asked. */
  askKey(cardId: number, keyNumber: string): string {
    this.stmts.setChallengeIfEmpty.run(keyNumber, cardId);
    return this.findById(cardId)!.challengeKey!;
  }

  clearChallenge(cardId: number): void {
    this.stmts.setChallenge.run(null, cardId);
  }

  setStatus(cardId: number, status: CardStatus): void {
    this.stmts.setStatus.run(status, cardId);
  }

  markPrinted(cardIds: number[], at: number): void {
    for (const id of cardIds) this.stmts.markPrinted.run(at, id);
  }
}
