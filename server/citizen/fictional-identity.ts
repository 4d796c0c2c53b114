import { cryptoRandom, type RandomInt } from '../common/random.ts';

/**
 * Fictional identities. A CPR number is DDMMYY-SSSS; serials 5000-8999 with a year of
 * 37-57 mean a birth in 2037-2057, so the sandbox's CPR numbers look ordinary to a
 * learner yet cannot belong to anyone living today.
 */
export function isFictionalCpr(cpr: string): boolean {
  const digits = cpr.replace('-', '');
  if (!/^\d{10}$/.test(digits)) return false;
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const year = Number(digits.slice(4, 6));
  const serial = Number(digits.slice(6));
  return day >= 1 && day <= 28 && month >= 1 && month <= 12 && year >= 37 && year <= 57 && serial >= 5000 && serial <= 8999;
}

const two = (n: number) => String(n).padStart(2, '0');

export function fictionalCpr(random: RandomInt = cryptoRandom): string {
  const day = random(1, 29);
  const month = random(1, 13);
  const year = random(37, 58);
  const serial = random(5000, 9000);
  return `${two(day)}${two(month)}${two(year)}${serial}`;
}

export function fictionalNemidNumber(random: RandomInt = cryptoRandom): string {
  return String(random(100_000_000, 1_000_000_000));
}

const givenNames = [
  'Mette',
  'Ahmed',
  'Anna',
  'Jens',
  'Karen',
  'Piotr',
  'Fatima',
  'Lars',
  'Sofie',
  'Omar',
  'Ingrid',
  'Mehmet',
  'Birgitte',
  'Yusuf',
  'Hanne',
  'Ole',
  'Amira',
  'Niels',
  'Lena',
  'Tomasz',
  'Grethe',
  'Ali',
  'Kirsten',
  'Samir',
  'Poul',
  'Leyla',
  'Henrik',
  'Maja',
  'Erik',
  'Nadia',
  'Svend',
  'Ewa',
  'Bent',
  'Hiba',
  'Klaus',
  'Marta',
];
const familyNames = [
  'Hansen',
  'Nielsen',
  'Jensen',
  'Pedersen',
  'Andersen',
  'Christensen',
  'Larsen',
  'Sørensen',
  'Rasmussen',
  'Jørgensen',
  'Petersen',
  'Madsen',
  'Kristensen',
  'Olsen',
  'Thomsen',
  'Poulsen',
  'Johansen',
  'Møller',
  'Karimi',
  'Yilmaz',
  'Nowak',
  'Schmidt',
  'Ali',
  'Hussein',
  'Kowalski',
  'Berg',
  'Dahl',
  'Holm',
];

/** A name marked as fictional by its middle name "Fiktiv". */
export function fictionalName(random: RandomInt = cryptoRandom): string {
  return `${givenNames[random(0, givenNames.length)]} Fiktiv ${familyNames[random(0, familyNames.length)]}`;
}

/** How many different fictional names there are. */
export const fictionalNameCount = givenNames.length * familyNames.length;

/**
 * `count` fictional names, all different and none of them in `taken` (the names already
 * in the class), so a teacher can call a trainee by name. Drawn without replacement from
 * the names still free; past that, a free name gets a number ("Ole Fiktiv Holm 2").
 */
export function distinctFictionalNames(count: number, taken: Iterable<string> = [], random: RandomInt = cryptoRandom): string[] {
  const used = new Set(taken);
  const free = givenNames.flatMap((given) => familyNames.map((family) => `${given} Fiktiv ${family}`)).filter((name) => !used.has(name));
  const names: string[] = [];
  for (let index = 0; index < count; index += 1) {
    if (index < free.length) {
      const pick = random(index, free.length);
      [free[index], free[pick]] = [free[pick]!, free[index]!];
      names.push(free[index]!);
    } else {
      const base = fictionalName(random);
      let suffix = 2;
      while (used.has(`${base} ${suffix}`) || names.includes(`${base} ${suffix}`)) suffix += 1;
      names.push(`${base} ${suffix}`);
    }
  }
  return names;
}

const words = ['hest', 'kage', 'sol', 'bog', 'cykel', 'havn', 'skov', 'fisk', 'sne', 'stol', 'mus', 'kop', 'lys', 'bro'];

/** A password easy to read aloud in a classroom, that passes every NemID rule. */
export function fictionalPassword(random: RandomInt = cryptoRandom): string {
  const word = words[random(0, words.length)]!;
  return `${word[0]!.toUpperCase()}${word.slice(1)}${random(1000, 10_000)}`;
}

/** A user ID built from the name, e.g. `mette.hansen42`. */
export function userIdFromName(name: string, random: RandomInt = cryptoRandom): string {
  const parts = name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[\u0080-\uffff]/g, '') // drop what is not ASCII (the accents NFD split off)
    .split(/\s+/)
    .filter((part) => part && part !== 'fiktiv');
  return `${parts[0] ?? 'trainee'}.${parts[parts.length - 1] ?? 'x'}${random(10, 100)}`;
}
