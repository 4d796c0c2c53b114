import { describe, expect, it } from 'vitest';
import { addWorkingDays, parseDuration } from '../../server/common/clock.ts';
import { FakeTime, hours, testContext } from '../helpers/context.ts';

describe('the class clock', () => {
  it('reads durations as teachers type them', () => {
    expect(parseDuration('30m')).toBe(30 * 60_000);
    expect(parseDuration('8h')).toBe(hours(8));
    expect(parseDuration('4d')).toBe(hours(96));
    expect(parseDuration('1w')).toBe(hours(168));
    expect(() => parseDuration('8 hours')).toThrow(/not a duration/);
    expect(() => parseDuration('-1h')).toThrow(/not a duration/);
  });

  it('counts working days over a weekend', () => {
    const friday = Date.UTC(2026, 10, 27, 10);
    expect(new Date(addWorkingDays(friday, 3)).getUTCDay()).toBe(3);
    expect(addWorkingDays(friday, 3) - friday).toBe(hours(24 * 5));
  });

  it('moves one class forward and leaves the others at real time', async () => {
    const time = new FakeTime();
    const ctx = testContext({ time });
    await ctx.scenarios.load('default', { classCode: 'A' });
    await ctx.scenarios.load('default', { classCode: 'B' });
    const a = ctx.classes.findByCode('A')!;
    const b = ctx.classes.findByCode('B')!;
    ctx.clock.advance(a.id, hours(8));
    expect(ctx.clock.now(a.id)).toBe(time.ms + hours(8));
    expect(ctx.clock.now(b.id)).toBe(time.ms);
    expect(() => ctx.clock.advance(a.id, -1)).toThrow(/forward/);
  });
});
