/**
 * Danish wall-clock time, from ICU (Intl.DateTimeFormat with Europe/Copenhagen). The
 * sandbox once computed it by hand to save ICU's date data (about 8 MB of resident
 * memory); measured against today's memory target of 150 MB for 200 trainees arriving at
 * once, that saving is not needed (docs/benchmarks.md), so the rules of summer time are
 * ICU's again. The formats are built once: building one costs far more than using it.
 */
const timeZone = 'Europe/Copenhagen';

export interface DanishTime {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
});

/** The date and time a clock in Denmark shows at this moment. */
export function danishTime(ms: number): DanishTime {
  const time: Partial<Record<string, number>> = {};
  for (const part of parts.formatToParts(new Date(ms))) time[part.type] = Number(part.value);
  return { year: time.year!, month: time.month!, day: time.day!, hour: time.hour!, minute: time.minute! };
}

const locales = { da: 'da-DK', en: 'en-GB', de: 'de-DE' } as const;
const formats = Object.fromEntries(
  Object.entries(locales).map(([lang, locale]) => [
    lang,
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }),
  ]),
) as Record<keyof typeof locales, Intl.DateTimeFormat>;

/** A moment as people in Denmark read it, in the style of each language ("1. dec. 2026, 11.30"). */
export function formatDanishTime(ms: number, lang: keyof typeof locales): string {
  return formats[lang].format(new Date(ms));
}

const dateFormats = Object.fromEntries(
  Object.entries(locales).map(([lang, locale]) => [lang, new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone })]),
) as Record<keyof typeof locales, Intl.DateTimeFormat>;

/** A day as people in Denmark write it in a letter, in each language ("21. december 2026"). */
export function formatDanishDate(ms: number, lang: keyof typeof locales): string {
  return dateFormats[lang].format(new Date(ms));
}

/** Which greeting fits this moment in Denmark: "godmorgen" until 10, "goddag" until 18, then "godaften". */
export function partOfDay(ms: number): 'morning' | 'day' | 'evening' {
  const { hour } = danishTime(ms);
  if (hour < 10) return 'morning';
  return hour < 18 ? 'day' : 'evening';
}

const two = (value: number) => String(value).padStart(2, '0');

/**
 * A moment in Danish time with its offset from UTC, for files a spreadsheet reads
 * ("2026-12-07 14:05 +01:00" in winter, "+02:00" in summer).
 */
export function formatDanishTimeWithOffset(ms: number): string {
  const time = danishTime(ms);
  const minute = Math.floor(ms / 60_000) * 60_000;
  const offset = Math.round((Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute) - minute) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const zone = `${sign}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
  return `${time.year}-${two(time.month)}-${two(time.day)} ${two(time.hour)}:${two(time.minute)} ${zone}`;
}
