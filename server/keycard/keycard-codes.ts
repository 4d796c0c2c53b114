import crypto from 'node:crypto';
import type { RandomInt } from '../common/random.ts';

/**
 * Derives a card's key numbers and codes from its nonce with the server's key-card secret
 * (HMAC-SHA256, a pseudo-random function keyed with 256 random bits). The database holds
 * only the nonce, so an unused code cannot be read from the database file alone, and a
 * teacher can reprint the very same card.
 */
export class KeyCardCodes {
  constructor(private readonly secret: string) {}

  private prf(label: string): Buffer {
    return crypto.createHmac('sha256', this.secret).update(label).digest();
  }

  /** The card's key numbers in printed order: unique, 0001-9999, random-looking. */
  keyNumbers(nonce: string, count: number): string[] {
    const seen = new Set<string>();
    const keys: string[] = [];
    for (let block = 0; keys.length < count; block += 1) {
      const bytes = this.prf(`keys:${nonce}:${block}`);
      for (let offset = 0; offset + 4 <= bytes.length && keys.length < count; offset += 4) {
        const key = String((bytes.readUInt32BE(offset) % 9999) + 1).padStart(4, '0');
        if (!seen.has(key)) {
          seen.add(key);
          keys.push(key);
        }
      }
    }
    return keys;
  }

  /** The 6-digit code printed beside one key number. */
  code(nonce: string, keyNumber: string): string {
    return String(this.prf(`code:${nonce}:${keyNumber}`).readUInt32BE(0) % 1_000_000).padStart(6, '0');
  }

  /** Compares a typed code with the printed one in constant time. */
  matches(nonce: string, keyNumber: string, typed: string): boolean {
    const expected = Buffer.from(this.code(nonce, keyNumber));
    const given = Buffer.from(typed.padEnd(6).slice(0, 6));
    return crypto.timingSafeEqual(expected, given) && typed.length === 6;
  }
}

/** 128 bits for a card's nonce (its codes come from the nonce and the server's secret). */
export function newNonce(random: RandomInt): string {
  return Array.from({ length: 4 }, () =>
    random(0, 2 ** 32)
      .toString(16)
      .padStart(8, '0'),
  ).join('');
}

/** A 10-digit card number from the random source. */
export function newCardNumber(random: RandomInt): string {
  return String(random(1, 10)) + String(random(0, 1_000_000_000)).padStart(9, '0');
}
