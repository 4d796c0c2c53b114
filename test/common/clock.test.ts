import { describe, expect, it } from 'vitest';
import { addWorkingDays, parseDuration, stepMs } from '../../server/common/clock.ts';
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

  it('counts 4 working days from a Saturday as 4 working days: Saturday + 4wd is Thursday', () => {
    const saturday = Date.UTC(2026, 11, 5, 10); // Saturday 5 December 2026, 11.00 in Denmark
    expect(new Date(saturday).getUTCDay()).toBe(6);
    const thursday = saturday + stepMs('4wd', saturday);
    expect(new Date(thursday).toISOString()).toBe('2026-12-10T10:00:00.000Z');
    expect(stepMs('4wd', Date.UTC(2026, 11, 6, 10))).toBe(hours(24 * 4)); // Sunday + 4wd is Thursday too
    expect(stepMs('1wd', Date.UTC(2026, 11, 4, 10))).toBe(hours(24 * 3)); // Friday + 1wd is Monday
  });

  it('counts the days of the week in Denmark, not in UTC: late Friday UTC is already Saturday in Copenhagen', () => {
    const saturdayInDenmark = Date.UTC(2026, 11, 4, 23, 30); // Friday 23.30 UTC = Saturday 00.30 in Denmark
    expect(new Date(saturdayInDenmark + stepMs('4wd', saturdayInDenmark)).toISOString()).toBe('2026-12-09T23:30:00.000Z'); // Thursday 00.30 in Denmark
  });

  it('reads clock steps: durations and working days, and nothing else', () => {
    expect(stepMs('8h', 0)).toBe(hours(8));
    expect(() => stepMs('0wd', 0)).toThrow(/by nothing/);
    expect(() => stepMs('4 wd', 0)).toThrow(/4wd/);
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
