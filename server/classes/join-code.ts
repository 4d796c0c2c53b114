import { cryptoRandom, type RandomInt } from '../common/random.ts';

/** Letters and digits that cannot be mistaken for each other when read aloud or from a board. */
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A class's join code: 6 characters (31^6, almost 900 million codes). */
export function newJoinCode(random: RandomInt = cryptoRandom): string {
  return Array.from({ length: 6 }, () => alphabet[random(0, alphabet.length)]).join('');
}

/** The class code of a practice identity's class of one (S- and 10 hexadecimal digits). */
export function newSelfStudyClassCode(random: RandomInt = cryptoRandom): string {
  return `S-${random(0, 2 ** 40)
    .toString(16)
    .toUpperCase()
    .padStart(10, '0')}`;
}
