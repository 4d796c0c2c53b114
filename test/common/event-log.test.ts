import { describe, expect, it } from 'vitest';
import { seededContext } from '../helpers/context.ts';

describe('the event log', () => {
  it("writes a trainee's event with their class, their id and the time on their class clock", async () => {
    const ctx = await seededContext();
    const mette = ctx.citizens.findByIdentifier('mette.hansen')!;
    const asked: number[] = [];
    const clock = {
      now: (classId: number) => {
        asked.push(classId);
        return 1_234_000;
      },
    };

    ctx.events.recordFor(mette, clock, { type: 'test-step', rule: 'R4', data: { step: 1 } });
    ctx.events.recordFor(mette, clock, { type: 'test-expired', rule: null, actor: 'system' });

    expect(asked).toEqual([mette.classId, mette.classId]);
    expect(ctx.events.latestOf(mette.id, ['test-step', 'test-expired'], 2).reverse()).toMatchObject([
      { classId: mette.classId, citizenId: mette.id, actor: 'trainee', type: 'test-step', rule: 'R4', data: { step: 1 }, at: 1_234_000 },
      { classId: mette.classId, citizenId: mette.id, actor: 'system', type: 'test-expired', rule: null, data: {}, at: 1_234_000 },
    ]);
  });
});
