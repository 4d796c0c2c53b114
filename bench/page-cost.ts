/**
 * A diagnostic for issue 15's tail (docs/benchmarks.md, "CPU per page with 505 letters"),
 * not part of `npm run bench`: the event-loop CPU per inbox page and per letter page,
 * with a few letters and with 500 more each, under the bench's load (50 trainees, 50
 * connections, autocannon), measured in rounds that alternate the pages so that the
 * shared machine's noise falls on both alike. With `--cpu-prof <dir>` the server runs
 * under `node --cpu-prof` and writes its profile there when it stops.
 *
 * With `--gc` it also counts the server's garbage collections in each round (bench/gc-hook.mjs).
 *
 *   node --import tsx bench/page-cost.ts [--seconds 4] [--rounds 3] [--letters 500] [--skip-few] [--gc] [--cpu-prof dir]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { withCpu } from './cpu.ts';
import { serverSetup } from './environment.ts';
import { BenchFixtures } from './fixtures.ts';
import { logIn } from './login-bench.ts';
import { loadPages } from './page-load.ts';
import { buildServer, freePort, repoRoot, startServer } from './server-process.ts';
import { closedLoop } from './closed-loop.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '3' },
    letters: { type: 'string', default: '500' },
    'cpu-prof': { type: 'string' },
    'skip-few': { type: 'boolean', default: false },
    gc: { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const extraLetters = Number(values.letters);
const connections = 50;

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'page-cost-'));
const { secrets, dbPath, env } = serverSetup(workDir);
const profileDir = values['cpu-prof'] ? path.resolve(values['cpu-prof']) : undefined;
const gcLog = values.gc ? path.join(workDir, 'gc.json') : undefined;
buildServer();
const port = await freePort();
const server = await startServer({
  env: { ...env, ...(gcLog ? { GC_LOG: gcLog } : {}) },
  port,
  nodeArgs: [
    ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
    ...(gcLog ? ['--import', path.join(repoRoot, 'bench/gc-hook.mjs')] : []),
  ],
});
const fixtures = new BenchFixtures(dbPath, secrets);
try {
  const klass = await fixtures.createClass('PAGE-COST', 120);
  const trainees = fixtures.loginTrainees(klass.classId).slice(0, connections);
  const visitors = await Promise.all(trainees.map((trainee) => logIn(server.base, fixtures, trainee)));
  const letterOf = async (index: number) => /href="(\/post\/letters\/\d+)"/.exec((await visitors[index]!.get('/post')).body)?.[1];
  const letters = await Promise.all(visitors.map((_visitor, index) => letterOf(index)));
  const inbox = visitors.map((visitor) => ({ cookie: visitor.cookieHeader(), path: '/post' }));
  const letter = visitors.map((visitor, index) => ({ cookie: visitor.cookieHeader(), path: letters[index]! }));

  const measure = async (label: string) => {
    const rows: Record<string, { cpu: number[]; rps: number[]; p50: number[]; p99: number[] }> = {};
    for (let round = 0; round < rounds; round += 1) {
      for (const [name, pages] of [
        ['inbox', inbox],
        ['letter page', letter],
      ] as const) {
        const from = process.hrtime.bigint() / 1000n;
        if (gcLog) process.kill(server.pid, 'SIGUSR2');
        const { result, cpu } = await withCpu(server, () => loadPages({ base: server.base, connections, seconds, visitors: pages }));
        const row = (rows[name] ??= { cpu: [], rps: [], p50: [], p99: [] });
        row.cpu.push(cpu.eventLoopMs / result.requests);
        if (gcLog) {
          process.kill(server.pid, 'SIGUSR2');
          await new Promise((resolve) => setTimeout(resolve, 200));
          const gc = JSON.parse(fs.readFileSync(gcLog, 'utf8')) as Record<string, { n: number; ms: number; max: number }>;
          const each = Object.entries(gc).map(
            ([kind, s]) => `${kind} ${s.n}x, ${(s.ms / result.requests).toFixed(2)} ms/request, longest ${s.max.toFixed(1)} ms`,
          );
          console.log(`  ${label}, ${name}, round ${round + 1}: ${result.requests} requests; ${each.join('; ')}`);
        }
        if (profileDir)
          console.log(
            `  ${label}, ${name}, round ${round + 1}: monotonic µs ${from}-${process.hrtime.bigint() / 1000n}, ${result.requests} requests`,
          );
        row.rps.push(result.requestsPerSecond);
        row.p50.push(result.p50Ms);
        row.p99.push(result.p99Ms);
      }
    }
    const list = (numbers: number[], decimals = 0) => numbers.map((n) => n.toFixed(decimals)).join(', ');
    for (const [name, row] of Object.entries(rows)) {
      console.log(
        `${label}, ${name}: event loop ${list(row.cpu, 2)} ms/request; ${list(row.rps)} req/s; p50 ${list(row.p50)} ms; p99 ${list(row.p99)} ms (load ${os.loadavg()[0]!.toFixed(1)})`,
      );
    }
  };
  if (!values['skip-few']) await measure(`${fixtures.inboxSize(trainees[0]!.citizenId)} letters`);
  for (const trainee of trainees) fixtures.deliverLetters(trainee.citizenId, extraLetters);
  // The first visits write the new letters' notifications (MailboxService.refresh): not
  // the steady state, but in the bench's phase with 505 letters: timed here one by one.
  const first = await withCpu(server, async () => {
    const times: number[] = [];
    for (const visitor of visitors) {
      const started = performance.now();
      await visitor.get('/post');
      times.push(performance.now() - started);
    }
    return times;
  });
  console.log(
    `first inbox visit after ${extraLetters} new letters: event loop ${(first.cpu.eventLoopMs / visitors.length).toFixed(2)} ms/request, client time p50 ${first.result.sort((a, b) => a - b)[25]!.toFixed(1)} ms, max ${Math.max(...first.result).toFixed(1)} ms`,
  );
  await closedLoop({ port, connections, seconds: 1, visitors: inbox });
  await measure(`${fixtures.inboxSize(trainees[0]!.citizenId)} letters`);
} finally {
  fixtures.close();
  await server.stop();
  fs.rmSync(workDir, { recursive: true, force: true });
}
if (profileDir)
  console.log(
    `profile in ${profileDir}: ${fs
      .readdirSync(profileDir)
      .filter((name) => name.endsWith('.cpuprofile'))
      .join(', ')}`,
  );
