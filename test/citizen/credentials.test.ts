import { describe, expect, it } from 'vitest';
import { passwordProblems, userIdProblems } from '../../server/citizen/credentials.ts';
import { fictionalCpr, isFictionalCpr } from '../../server/citizen/fictional-identity.ts';
import { seededRandom } from '../../server/common/random.ts';

const who = { cpr: '1203456789', nemidNumber: '418203557' };

describe('NemID password rules (SPEC)', () => {
  it.each([
    ['Hest2024', []],
    ['abc12', ['credentials:password.length']],
    ['a1'.repeat(21), ['credentials:password.length']],
    ['onlyletters', ['credentials:password.lettersAndDigits']],
    ['12345678', ['credentials:password.lettersAndDigits']],
    ['Blåbær123', ['credentials:password.danishLetters']],
    ['Heeee1234', ['credentials:password.repeated']],
    [' Hest2024', ['credentials:password.spaces']],
    ['Hest2024 ', ['credentials:password.spaces']],
    ['x1203456789', ['credentials:password.containsNumber']],
    ['x120345-6789', ['credentials:password.containsNumber']],
    ['a418203557', ['credentials:password.containsNumber']],
  ])('judges %j', (password, expected) => {
    expect(passwordProblems(password, who)).toEqual(expected);
  });

  it('refuses a password that contains the user ID, whatever the case', () => {
    expect(passwordProblems('Mette.Hansen1', who, 'mette.hansen')).toEqual(['credentials:password.containsUserId']);
  });
});

describe('self-chosen user ID rules (SPEC)', () => {
  it.each([
    ['mette.hansen', []],
    ['abcd', ['credentials:userId.length']],
    ['x'.repeat(49), ['credentials:userId.length']],
    ['søren', ['credentials:userId.danishLetters']],
    ['has space', ['credentials:userId.characters']],
    ['1203456789', ['credentials:userId.looksLikeNumber']],
    ['418203557', ['credentials:userId.looksLikeNumber']],
  ])('judges %j', (userId, expected) => {
    expect(userIdProblems(userId)).toEqual(expected);
  });
});

describe('fictional CPR numbers', () => {
  it('generates only numbers in the sandbox range (births in 2037-2057)', () => {
    const random = seededRandom(46);
    for (let i = 0; i < 500; i += 1) expect(isFictionalCpr(fictionalCpr(random))).toBe(true);
  });

  it('refuses numbers that could belong to a living person', () => {
    expect(isFictionalCpr('010190-1234')).toBe(false);
    expect(isFictionalCpr('120345-3789')).toBe(false);
    expect(isFictionalCpr('320345-6789')).toBe(false);
  });
});
