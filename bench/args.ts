import { parseArgs } from 'node:util';
import type { ArrivalPacing } from './arrival-bench.ts';

export interface BenchOptions {
  /** Length of each timed phase (argon2, logins, each page under load), in seconds. */
  seconds: number;
  /** Trainees in the large class (the reset, memory and scale figures). */
  largeClass: number;
  /** Trainees in the small class. */
  smallClass: number;
  /** Letters delivered to each active trainee for the second inbox measurement. */
  extraLetters: number;
  /** Where the report is written; undefined: not written. */
  docPath: string | undefined;
  /** The busiest minute: a class and a school event arriving, paced as people are. */
  arrivals: { classSize: number; eventSize: number; pacing: ArrivalPacing };
  /** Repeat the school event once per memory setting of the server (docs/benchmarks.md). */
  memoryVariants: boolean;
}

export const benchUsage = `Usage: npm run bench [-- options]

  --seconds <n>   length of each timed phase, 2-30 (default 6)
  --quick         a short run to check the bench itself (2 s phases, classes of 30 and 120,
                  arrivals within 10 s)
  --memory-variants
                  only the school event's arrival, once for each memory setting of the
                  server (V8 flags, malloc settings, both, neither), to see which pay off
  --no-doc        print the table only, do not write docs/benchmarks.md
  --doc <path>    write the report there instead of docs/benchmarks.md`;

export class BenchUsageError extends Error {}

export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    allowPositionals: false,
    options: {
      seconds: { type: 'string' },
      quick: { type: 'boolean', default: false },
      'no-doc': { type: 'boolean', default: false },
      doc: { type: 'string' },
      'memory-variants': { type: 'boolean', default: false },
    },
  });
  const seconds = values.seconds === undefined ? (values.quick ? 2 : 6) : Number(values.seconds);
  if (!Number.isFinite(seconds) || seconds < 2 || seconds > 30) throw new BenchUsageError('--seconds must be a number from 2 to 30');
  if (values['no-doc'] && values.doc) throw new BenchUsageError('--no-doc and --doc contradict each other');
  return {
    seconds,
    largeClass: values.quick ? 120 : 500,
    smallClass: 30,
    extraLetters: values.quick ? 50 : 500,
    docPath: values['no-doc'] || values['memory-variants'] ? undefined : (values.doc ?? 'docs/benchmarks.md'),
    arrivals: values.quick
      ? { classSize: 30, eventSize: 50, pacing: { windowSeconds: 10, thinkMs: { min: 200, max: 800 } } }
      : { classSize: 30, eventSize: 200, pacing: { windowSeconds: 60, thinkMs: { min: 1000, max: 4000 } } },
    memoryVariants: values['memory-variants'],
  };
}
