import { describe, expect, it } from 'vitest';
import { danishTime, formatDanishTime, formatDanishTimeWithOffset } from '../../server/common/danish-time.ts';

describe('Danish time', () => {
  it('changes to summer time at 02:00 on the last Sunday of March and back at 03:00 on the last Sunday of October', () => {
    expect(formatDanishTime(Date.UTC(2026, 2, 29, 0, 59), 'de')).toBe('29.03.2026, 01:59');
    expect(formatDanishTime(Date.UTC(2026, 2, 29, 1, 0), 'de')).toBe('29.03.2026, 03:00');
    expect(formatDanishTime(Date.UTC(2026, 9, 25, 0, 59), 'de')).toBe('25.10.2026, 02:59');
    expect(formatDanishTime(Date.UTC(2026, 9, 25, 1, 0), 'de')).toBe('25.10.2026, 02:00');
  });

  it('writes a moment the way people read it in Danish, English and German', () => {
    const at = Date.UTC(2026, 11, 1, 10, 30);
    expect(formatDanishTime(at, 'da')).toBe('1. dec. 2026, 11.30');
    expect(formatDanishTime(at, 'en')).toBe('1 Dec 2026, 11:30');
    expect(formatDanishTime(at, 'de')).toBe('01.12.2026, 11:30');
  });

  it('gives the hour a clock in Denmark shows, in winter and in summer', () => {
    expect(danishTime(Date.UTC(2026, 11, 1, 10, 30))).toEqual({ year: 2026, month: 12, day: 1, hour: 11, minute: 30 });
    expect(danishTime(Date.UTC(2026, 6, 1, 23, 15))).toEqual({ year: 2026, month: 7, day: 2, hour: 1, minute: 15 });
  });

  it('writes a moment for a spreadsheet in Danish time with its offset, across the change to and from summer time', () => {
    expect(formatDanishTimeWithOffset(Date.UTC(2026, 11, 7, 13, 5, 42))).toBe('2026-12-07 14:05 +01:00');
    expect(formatDanishTimeWithOffset(Date.UTC(2026, 6, 1, 23, 15))).toBe('2026-07-02 01:15 +02:00');
    expect(formatDanishTimeWithOffset(Date.UTC(2026, 2, 29, 0, 59))).toBe('2026-03-29 01:59 +01:00');
    expect(formatDanishTimeWithOffset(Date.UTC(2026, 2, 29, 1, 0))).toBe('2026-03-29 03:00 +02:00');
    expect(formatDanishTimeWithOffset(Date.UTC(2026, 9, 25, 1, 0))).toBe('2026-10-25 02:00 +01:00');
  });
});
