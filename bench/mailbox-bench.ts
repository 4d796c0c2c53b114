import type { BenchFixtures, LoginTrainee } from './fixtures.ts';
import type { Visitor } from './http-client.ts';
import { cpuPer, withCpu } from './cpu.ts';
import { loadPages, type PageLoad } from './page-load.ts';
import type { Figure } from './report.ts';
import type { RunningServer } from './server-process.ts';

export const staticFile = '/static/css/site.css';
export const inboxPath = '/post';
const connections = 50;

export interface Active {
  trainee: LoginTrainee;
  visitor: Visitor;
}

/** The first letter a trainee's inbox lists, as a person would open it: by its link. */
async function firstLetter(visitor: Visitor): Promise<string | undefined> {
  const inbox = await visitor.get(inboxPath);
  if (inbox.status !== 200) return undefined;
  return /href="(\/post\/letters\/\d+)"/.exec(inbox.body)?.[1];
}

async function pagesOf(active: Active[]) {
  const letters = await Promise.all(active.map((one) => firstLetter(one.visitor)));
  const withLetter = active.map((one, index) => ({ cookie: one.visitor.cookieHeader(), letter: letters[index] }));
  return {
    inbox: withLetter.map((one) => ({ cookie: one.cookie, path: inboxPath })),
    letter: withLetter.filter((one) => one.letter).map((one) => ({ cookie: one.cookie, path: one.letter! })),
  };
}

const latencyFigures = (name: string, load: PageLoad, suffix: string): Figure[] => [
  { label: `${name} requests/s, 50 trainees at once${suffix}`, value: load.requestsPerSecond, unit: '/s' },
  { label: `${name} p50 latency${suffix}`, value: load.p50Ms, unit: 'ms' },
  { label: `${name} p99 latency${suffix}`, value: load.p99Ms, unit: 'ms' },
];

/**
 * The Digital Post pages under a class's load: the inbox and a letter, each trainee with
 * their own session and letters, beside a static file served by the same process in the
 * same run (the framework's own ceiling here). Then again with many more letters each.
 */
export async function mailboxPhase(options: {
  server: RunningServer;
  fixtures: BenchFixtures;
  active: Active[];
  seconds: number;
  extraLetters: number;
  log: (message: string) => void;
}) {
  const { server, fixtures, active, seconds, log } = options;
  const figures: Figure[] = [];
  const scale: Figure[] = [];
  const notes: string[] = [];
  const base = server.base;

  log('a static file under load');
  const measured = async (what: string, visitors: { cookie: string; path: string }[]) => {
    const { result, cpu } = await withCpu(server, () => loadPages({ base, connections, seconds, visitors }));
    notes.push(cpuPer(what, cpu, result.requests));
    return result;
  };
  const staticLoad = await measured('static file', [{ cookie: '', path: staticFile }]);
  figures.push({ label: `static file ${staticFile} requests/s`, value: staticLoad.requestsPerSecond, unit: '/s' });

  const probe = await active[0]!.visitor.get(inboxPath);
  if (probe.status === 404) {
    notes.push(`The mailbox pages (${inboxPath}) are not in this build: their figures were not measured.`);
    figures.push({
      label: 'inbox requests/s ÷ static file requests/s',
      value: NaN,
      unit: '',
      decimals: 2,
      target: { op: '>=', value: 0.5 },
    });
    return { figures, scale, notes };
  }
  // Steps between the ceiling and the inbox: the middleware chain of a signed-in trainee
  // (session read and renewed, CSRF, language, guide) without a page, then a page with
  // the layout and a form but no session.
  const chain = await measured(
    'middleware chain (/healthz, signed in)',
    active.map((one) => ({ cookie: one.visitor.cookieHeader(), path: '/healthz' })),
  );
  figures.push({ label: 'GET /healthz signed in (the middleware chain, no page) requests/s', value: chain.requestsPerSecond, unit: '/s' });
  const layout = await measured('login form (layout, no session)', [{ cookie: '', path: '/login' }]);
  figures.push({ label: 'GET /login, no session (the layout and a form) requests/s', value: layout.requestsPerSecond, unit: '/s' });

  const pages = await pagesOf(active);
  if (pages.letter.length < active.length)
    throw new Error(`Only ${pages.letter.length} of ${active.length} trainees have a letter in their inbox`);

  log('the inbox and a letter, 50 trainees at once');
  const inbox = await measured('inbox page', pages.inbox);
  const letter = await measured('letter page', pages.letter);
  figures.push(...latencyFigures('inbox /post', inbox, ''));
  figures.push({
    label: 'inbox requests/s ÷ static file requests/s',
    value: inbox.requestsPerSecond / staticLoad.requestsPerSecond,
    unit: '',
    decimals: 2,
    target: { op: '>=', value: 0.5 },
  });
  figures.push(...latencyFigures('letter page', letter, ''));
  const lettersBefore = fixtures.inboxSize(active[0]!.trainee.citizenId);

  log(`${options.extraLetters} more letters for each of the 50 trainees`);
  const started = performance.now();
  for (const one of active) fixtures.deliverLetters(one.trainee.citizenId, options.extraLetters);
  notes.push(
    `Delivering ${options.extraLetters * active.length} letters in-process took ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
  const lettersAfter = fixtures.inboxSize(active[0]!.trainee.citizenId);
  // The first of these inbox pages write the new letters' notifications (MailboxService.refresh).
  const inboxMany = await measured(`inbox page, ${lettersAfter} letters each`, pages.inbox);
  const letterMany = await measured(`letter page, ${lettersAfter} letters each`, pages.letter);
  // The tail a trainee feels with a full mailbox (issue 15): p99 at most 4 x p50 and at most 300 ms.
  for (const [name, load] of [
    ['inbox', inboxMany],
    ['letter page', letterMany],
  ] as const) {
    figures.push({
      label: `${name} p99 latency, ${lettersAfter} letters each`,
      value: load.p99Ms,
      unit: 'ms',
      target: { op: '<=', value: 300 },
    });
    figures.push({
      label: `${name} p99 ÷ p50, ${lettersAfter} letters each`,
      value: load.p99Ms / load.p50Ms,
      unit: '',
      decimals: 1,
      target: { op: '<=', value: 4 },
    });
  }
  scale.push(...latencyFigures('inbox', inbox, `, ${lettersBefore} letters each`));
  scale.push(...latencyFigures('inbox', inboxMany, `, ${lettersAfter} letters each`));
  scale.push(...latencyFigures('letter page', letter, `, ${lettersBefore} letters each`));
  scale.push(...latencyFigures('letter page', letterMany, `, ${lettersAfter} letters each`));
  return { figures, scale, notes };
}

/** A class's trainees reading their mail: inbox and letter pages in turn, for `seconds`. */
export async function activeLoad(server: RunningServer, active: Active[], seconds: number): Promise<PageLoad> {
  const pages = await pagesOf(active);
  if (pages.letter.length === 0) {
    // No mailbox in this build: the trainees read the page a login lands on.
    const visitors = active.map((one) => ({ cookie: one.visitor.cookieHeader(), path: '/my-nemid' }));
    return loadPages({ base: server.base, connections, seconds, visitors });
  }
  const visitors = pages.inbox.flatMap((inbox, index) => [inbox, pages.letter[index] ?? inbox]);
  return loadPages({ base: server.base, connections, seconds, visitors });
}
