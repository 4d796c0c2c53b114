/**
 * Danish wall-clock time without Intl.DateTimeFormat: the first DateTimeFormat a Node
 * process builds loads ICU's date data, about 6.5 MB of resident memory for a server
 * whose whole budget is 120 MB (docs/benchmarks.md). Denmark follows the EU rule, in force
 * since 1996: CET (UTC+1), and CEST (UTC+2) from 01:00 UTC on the last Sunday of March to
 * 01:00 UTC on the last Sunday of October. test/common/danish-time.test.ts holds this
 * against ICU for every hour around each change and for random times.
 */
const hourMs = 3_600_000;

/** 01:00 UTC on the last Sunday of a month (0-based) of a year. */
function lastSundayAtOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0, 1));
  return lastDay.getTime() - lastDay.getUTCDay() * 24 * hourMs;
}

/** Whether Denmark is on summer time (CEST) at this moment. */
export function isDanishSummerTime(ms: number): boolean {
  const year = new Date(ms).getUTCFullYear();
  return ms >= lastSundayAtOneUtc(year, 2) && ms < lastSundayAtOneUtc(year, 9);
}

export interface DanishTime {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The date and time a clock in Denmark shows at this moment. */
export function danishTime(ms: number): DanishTime {
  const local = new Date(ms + (isDanishSummerTime(ms) ? 2 : 1) * hourMs);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
  };
}

const two = (value: number) => String(value).padStart(2, '0');
const monthsDa = ['jan.', 'feb.', 'mar.', 'apr.', 'maj', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'];
const monthsEn = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];

/** A moment as people in Denmark read it, in the style of each language ("1. dec. 2026, 11.30"). */
export function formatDanishTime(ms: number, lang: 'da' | 'en' | 'de'): string {
  const { year, month, day, hour, minute } = danishTime(ms);
  if (lang === 'da') return `${day}. ${monthsDa[month - 1]} ${year}, ${two(hour)}.${two(minute)}`;
  if (lang === 'en') return `${day} ${monthsEn[month - 1]} ${year}, ${two(hour)}:${two(minute)}`;
  return `${two(day)}.${two(month)}.${year}, ${two(hour)}:${two(minute)}`;
}
