import { seededRandom, type RandomInt } from '../server/common/random.ts';
import type { BenchFixtures, LoginTrainee } from './fixtures.ts';
import { csrfFrom, keyNumberFrom, Visitor, type Reply } from './http-client.ts';
import { inboxPath } from './mailbox-bench.ts';
import type { Figure } from './report.ts';
import type { RunningServer } from './server-process.ts';

/** The steps of one trainee's arrival, in the order a person takes them. */
export const arrivalSteps = ['login form', 'password', 'key page', 'key code', 'inbox', 'letter'] as const;
type Step = (typeof arrivalSteps)[number];

export interface ArrivalPacing {
  /** Every trainee starts within this many seconds of the first. */
  windowSeconds: number;
  /** A person's pause between two steps (reading, typing), in ms: drawn from this range. */
  thinkMs: { min: number; max: number };
}

export interface ArrivalResult {
  trainees: number;
  /** From the phase's start to the last trainee's login ending on /my-nemid, in ms. */
  lastInMs: number;
  /** From the phase's start to the last letter read, in ms. */
  lastDoneMs: number;
  latencies: Record<Step, number[]>;
}

/** The p-th percentile by nearest rank (p99 of 200 samples is the second highest). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function expectReply(reply: Reply, status: number, step: string, trainee: LoginTrainee): Reply {
  if (reply.status !== status) {
    throw new Error(
      `${trainee.identifier}, ${step}: expected ${status}, got ${reply.status} ${reply.body.replace(/\s+/g, ' ').slice(0, 200)}`,
    );
  }
  return reply;
}

/**
 * One trainee arriving as a person does: the login form, then (after reading and typing)
 * user ID and password, the key page, the code read off the card, the inbox and the first
 * letter it lists. Each request is timed on its own; the pauses between are not.
 */
async function arrive(
  base: string,
  fixtures: BenchFixtures,
  trainee: LoginTrainee,
  pause: () => Promise<void>,
  record: (step: Step, ms: number) => void,
): Promise<{ inAt: number; doneAt: number }> {
  const visitor = new Visitor(base);
  const timed = async (step: Step, send: () => Promise<Reply>, status: number) => {
    const started = performance.now();
    const reply = await send();
    record(step, performance.now() - started);
    return expectReply(reply, status, step, trainee);
  };
  const form = await timed('login form', () => visitor.get('/login'), 200);
  await pause();
  await timed(
    'password',
    () =>
      visitor.post('/login', {
        _csrf: csrfFrom(form.body),
        service: 'mynemid',
        identifier: trainee.identifier,
        password: trainee.password,
      }),
    303,
  );
  const keyPage = await timed('key page', () => visitor.get('/login/key'), 200);
  await pause();
  const code = fixtures.codeFor(trainee.citizenId, keyNumberFrom(keyPage.body));
  const answer = await timed('key code', () => visitor.post('/login/key', { _csrf: csrfFrom(keyPage.body), code }), 303);
  if (answer.location !== '/my-nemid') throw new Error(`${trainee.identifier}: the key code led to ${answer.location}`);
  const inAt = performance.now();
  await pause();
  const inbox = await timed('inbox', () => visitor.get(inboxPath), 200);
  const letter = /href="(\/post\/letters\/\d+)"/.exec(inbox.body)?.[1];
  if (!letter) throw new Error(`${trainee.identifier}: the inbox lists no letter`);
  await pause();
  await timed('letter', () => visitor.get(letter), 200);
  return { inAt, doneAt: performance.now() };
}

/**
 * A class arriving within one minute (issue 15): each trainee starts at a moment drawn
 * evenly over the window and pauses between steps as people do. The draws come from a
 * seeded source, so every run paces the same arrivals the same way.
 */
export async function arrivalPhase(options: {
  server: RunningServer;
  fixtures: BenchFixtures;
  trainees: LoginTrainee[];
  pacing: ArrivalPacing;
  seed: number;
}): Promise<ArrivalResult> {
  const { server, fixtures, trainees, pacing } = options;
  const random: RandomInt = seededRandom(options.seed);
  const latencies = Object.fromEntries(arrivalSteps.map((step) => [step, [] as number[]])) as Record<Step, number[]>;
  const record = (step: Step, ms: number) => latencies[step].push(ms);
  const starts = trainees.map(() => random(0, pacing.windowSeconds * 1000 + 1));
  const pauses = trainees.map(() => arrivalSteps.map(() => random(pacing.thinkMs.min, pacing.thinkMs.max + 1)));
  const t0 = performance.now();
  const ends = await Promise.all(
    trainees.map(async (trainee, index) => {
      await sleep(starts[index]!);
      let next = 0;
      const pause = () => sleep(pauses[index]![next++]!);
      return arrive(server.base, fixtures, trainee, pause, record);
    }),
  );
  return {
    trainees: trainees.length,
    lastInMs: Math.max(...ends.map((end) => end.inAt)) - t0,
    lastDoneMs: Math.max(...ends.map((end) => end.doneAt)) - t0,
    latencies,
  };
}

/** The figures of one arrival phase: when the last is in, and each step's p50 and p99 against the target. */
export function arrivalFigures(
  result: ArrivalResult,
  pacing: ArrivalPacing,
  p99TargetMs: number,
  peakMb: number,
  peakTargetMb?: number,
): Figure[] {
  const who = `${result.trainees} trainees arriving within ${pacing.windowSeconds} s`;
  const figures: Figure[] = [{ label: `${who}: the last logged in after`, value: result.lastInMs / 1000, unit: 's', decimals: 1 }];
  for (const step of arrivalSteps) {
    figures.push({ label: `${who}: ${step} p50`, value: percentile(result.latencies[step], 50), unit: 'ms' });
    figures.push({
      label: `${who}: ${step} p99`,
      value: percentile(result.latencies[step], 99),
      unit: 'ms',
      target: { op: '<', value: p99TargetMs },
    });
  }
  figures.push({
    label: `${who}: peak RSS (VmHWM) of a server started for them`,
    value: peakMb,
    unit: 'MB',
    ...(peakTargetMb === undefined ? {} : { target: { op: '<' as const, value: peakTargetMb } }),
  });
  return figures;
}
