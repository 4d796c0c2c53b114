import { danishTime } from './danish-time.ts';

export type RealNow = () => number;

/** The class page's clock buttons. */
export const clockSteps = ['1h', '8h', '1d', '4wd'] as const;
/** The workshop page's finer clock buttons, for pacing the staged attacks (server/workshop/). */
export const workshopClockSteps = ['5m', '15m', '1h'] as const;
export type ClockStep = (typeof clockSteps)[number] | (typeof workshopClockSteps)[number];

const unitMs = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const;

/** Parses durations such as `30m`, `8h`, `4d` or `1w` into milliseconds. */
export function parseDuration(text: string): number {
  const match = /^(\d{1,5})([mhdw])$/.exec(text.trim());
  if (!match) throw new RangeError(`"${text}" is not a duration; use a number and a unit such as 30m, 8h, 4d or 1w`);
  return Number(match[1]) * unitMs[match[2] as keyof typeof unitMs];
}

/** The day of the week in Denmark at this moment: 0 = Sunday ... 6 = Saturday. */
function danishWeekday(ms: number): number {
  const { year, month, day } = danishTime(ms);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/**
 * Adds working days (Monday-Friday, by the calendar in Denmark), as the post counts
 * "3-4 working days": from a Saturday or a Sunday, 4 working days end on Thursday.
 * No public holidays: the sandbox keeps no list of them.
 */
export function addWorkingDays(from: number, days: number): number {
  let at = from;
  let left = days;
  while (left > 0) {
    at += 86_400_000;
    const weekday = danishWeekday(at);
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return at;
}

/**
 * How far a step of the clock moves it from `now`: a duration (`30m`, `8h`, `4d`, `1w`)
 * or working days (`4wd`, which skip weekends and so depend on the day it starts).
 */
export function stepMs(text: string, now: number): number {
  const workingDays = /^(\d{1,3})wd$/.exec(text.trim());
  if (workingDays) {
    const days = Number(workingDays[1]);
    if (days === 0) throw new RangeError(`"${text}" moves the clock by nothing`);
    return addWorkingDays(now, days) - now;
  }
  try {
    return parseDuration(text);
  } catch {
    throw new RangeError(`"${text}" is not a duration; use a number and a unit such as 30m, 8h, 4d, 1w or 4wd (working days)`);
  }
}

/** Where each class's clock offset is kept (the class repository, server/classes/). */
export interface ClockOffsets {
  clockOffset(classId: number): number;
  setClockOffset(classId: number, offsetMs: number): void;
}

/**
 * The class clock: every class has a simulated time, real time plus an offset that a
 * teacher moves forward, so that "8 hours" or "3-4 working days" can pass in a lesson.
 * Every rule reads its time here, never from Date.now().
 */
export class ClassClock {
  constructor(
    private readonly classes: ClockOffsets,
    private readonly realNow: RealNow = Date.now,
  ) {}

  now(classId: number): number {
    return this.realNow() + this.classes.clockOffset(classId);
  }

  /** Moves the class clock forward; time never runs backwards. */
  advance(classId: number, ms: number): number {
    if (!Number.isFinite(ms) || ms <= 0) throw new RangeError('The clock only moves forward');
    const offset = this.classes.clockOffset(classId) + ms;
    this.classes.setClockOffset(classId, offset);
    return this.realNow() + offset;
  }
}
