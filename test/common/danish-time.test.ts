import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { danishTime, formatDanishTime, isDanishSummerTime } from '../../server/common/danish-time.ts';

// ICU's own answer, which the module replaces on the server (it costs 6.5 MB there).
const icuParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Copenhagen',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
});
function icuTime(ms: number) {
  const part = (type: string) => Number(icuParts.formatToParts(new Date(ms)).find((entry) => entry.type === type)!.value);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute') };
}
const icuFormat = (lang: 'da' | 'en' | 'de') =>
  new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Copenhagen' });

const hour = 3_600_000;
const from1996 = Date.UTC(1996, 0, 1);
const to2100 = Date.UTC(2100, 0, 1);

describe('Danish time', () => {
  it('changes to summer time at 02:00 on the last Sunday of March and back at 03:00 on the last Sunday of October', () => {
    expect(formatDanishTime(Date.UTC(2026, 2, 29, 0, 59), 'de')).toBe('29.03.2026, 01:59');
    expect(formatDanishTime(Date.UTC(2026, 2, 29, 1, 0), 'de')).toBe('29.03.2026, 03:00');
    expect(formatDanishTime(Date.UTC(2026, 9, 25, 0, 59), 'de')).toBe('25.10.2026, 02:59');
    expect(formatDanishTime(Date.UTC(2026, 9, 25, 1, 0), 'de')).toBe('25.10.2026, 02:00');
    expect(isDanishSummerTime(Date.UTC(2026, 6, 1))).toBe(true);
    expect(isDanishSummerTime(Date.UTC(2026, 11, 1))).toBe(false);
  });

  it('shows each month the way ICU writes it in Danish, English and German', () => {
    for (const lang of ['da', 'en', 'de'] as const) {
      const icu = icuFormat(lang);
      for (let month = 0; month < 12; month += 1) {
        for (const [day, hourUtc, minute] of [[1, 7, 5], [28, 22, 59]] as const) {
          const at = Date.UTC(2026, month, day, hourUtc, minute);
          expect(formatDanishTime(at, lang)).toBe(icu.format(new Date(at)));
        }
      }
    }
  });

  it('agrees with ICU on every hour of the days the clocks change, 1996-2099', () => {
    for (let year = 1996; year < 2100; year += 1) {
      for (const month of [2, 9]) {
        const lastDay = Date.UTC(year, month + 1, 0);
        const sunday = lastDay - new Date(lastDay).getUTCDay() * 24 * hour;
        for (let at = sunday - 24 * hour; at <= sunday + 24 * hour; at += hour / 2) {
          expect(danishTime(at), new Date(at).toISOString()).toEqual(icuTime(at));
        }
      }
    }
  });

  it('agrees with ICU at any moment, 1996-2099', () => {
    fc.assert(
      fc.property(fc.integer({ min: from1996, max: to2100 - 1 }), (at) => {
        expect(danishTime(at)).toEqual(icuTime(at));
      }),
      { numRuns: 5000 },
    );
  });
});
