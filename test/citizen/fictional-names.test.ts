import { describe, expect, it } from 'vitest';
import { distinctFictionalNames, fictionalName } from '../../server/citizen/fictional-identity.ts';
import { seededRandom } from '../../server/common/random.ts';
import { testContext } from '../helpers/context.ts';

describe('names unique in a class', () => {
  it('gives 100 seeds x a class of 40 forty different names, none of them already taken', () => {
    for (let seed = 1; seed <= 100; seed += 1) {
      const names = distinctFictionalNames(40, ['Ole Fiktiv Hussein'], seededRandom(seed));
      expect(names).toHaveLength(40);
      expect(new Set(names).size).toBe(40);
      expect(names).not.toContain('Ole Fiktiv Hussein');
      for (const name of names) expect(name).toMatch(/^\S+ Fiktiv \S+$/);
    }
  });

  it('draws the same people from the same seed, and other people from another', () => {
    expect(distinctFictionalNames(5, [], seededRandom(7))).toEqual(distinctFictionalNames(5, [], seededRandom(7)));
    expect(distinctFictionalNames(5, [], seededRandom(7))).not.toEqual(distinctFictionalNames(5, [], seededRandom(8)));
    expect(fictionalName(seededRandom(3))).toBe(fictionalName(seededRandom(3)));
  });

  it('creates a generated class of 30 whose trainees all have different names, for many seeds', async () => {
    for (let seed = 1; seed <= 12; seed += 1) {
      const ctx = testContext({ seed });
      const klass = await ctx.scenarios.load('default', { classCode: `GEN${seed}`, traineeCount: 30, actor: 'system' });
      const names = ctx.citizens.listInClass(klass.id).map((citizen) => citizen.name);
      expect(names).toHaveLength(30);
      expect(new Set(names).size).toBe(30);
    }
  });
});
