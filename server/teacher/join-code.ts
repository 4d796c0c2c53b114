import crypto from 'node:crypto';

/** Letters and digits that cannot be mistaken for each other when read aloud or from a board. */
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A class's join code: 6 characters (31^6, almost 900 million codes). */
export function newJoinCode(): string {
  return Array.from({ length: 6 }, () => alphabet[crypto.randomInt(alphabet.length)]).join('');
}
