/**
 * A diagnostic for the tail of docs/benchmarks.md ("New connections accepted one per
 * turn of the event loop"), not part of `npm run bench`: starts the server with
 * bench/queue-order-hook.mjs preloaded, logs in 50 trainees with 505 letters each and
 * loads the inbox with 50 connections without a pause, once with autocannon (as the
 * bench does), once with a closed-loop client of its own, once with that client in 2
 * processes. For each it prints the latencies, the waits by a request's number on its
 * connection (k = 0: the first), requests per connection, finish order against arrival,
 * event-loop turns between `request` and `finish`, and the listen queue (`ss -ltn`).
 *
 *   node --import tsx bench/queue-order.ts [seconds] [extra letters]
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closedLoop, closedLoopInChild } from './closed-loop.ts';
import { serverSetup } from './environment.ts';
import { BenchFixtures } from './fixtures.ts';
import { logIn } from './login-bench.ts';
import { cannon } from './page-load.ts';
import { buildServer, freePort, repoRoot, startServer } from './server-process.ts';

interface QueueRecord {
  conn: number;
  k: number;
  seq: number;
  sent: number;
  at: number;
  done: number;
  turnAt: number;
  turnDone: number;
  order: number;
}

const seconds = Number(process.argv[2] ?? 6);
const extraLetters = Number(process.argv[3] ?? 500);
const connections = 50;
const nearest = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.max(0, Math.ceil((p / 100) * values.length) - 1)]!;
const spread = (values: number[]) =>
  values.length === 0
    ? '-'
    : `n=${values.length} p50 ${nearest(values, 50).toFixed(1)} p99 ${nearest(values, 99).toFixed(1)} max ${Math.max(...values).toFixed(1)} ms`;
const log = (message: string) => console.log(message);

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'queue-order-'));
const { secrets, dbPath, env } = serverSetup(workDir);
buildServer();
const port = await freePort();
const server = await startServer({ env, port, nodeArgs: ['--import', path.join(repoRoot, 'bench/queue-order-hook.mjs')] });
const fixtures = new BenchFixtures(dbPath, secrets);
try {
  const klass = await fixtures.createClass('QUEUE-ORDER', 120);
  const trainees = fixtures.loginTrainees(klass.classId).slice(0, connections);
  const visitors = await Promise.all(trainees.map((trainee) => logIn(server.base, fixtures, trainee)));
  for (const trainee of trainees) fixtures.deliverLetters(trainee.citizenId, extraLetters);
  const pages = visitors.map((visitor) => ({ cookie: visitor.cookieHeader(), path: '/post' }));
  log(`${fixtures.inboxSize(trainees[0]!.citizenId)} letters each, ${connections} connections, ${seconds} s a run`);
  await closedLoop({ port, connections, seconds: 2, visitors: pages }); // the first visits write notifications
  await fetch(`${server.base}/__queue`);

  const runs: [string, () => Promise<number[] | string>][] = [
    [
      'autocannon',
      async () => {
        let next = 0;
        const run = cannon({
          url: server.base,
          connections,
          duration: seconds,
          timeout: 20,
          requests: [
            {
              method: 'GET',
              setupRequest: (request) => {
                const page = pages[next++ % pages.length]!;
                return {
                  ...request,
                  path: page.path,
                  headers: { ...request.headers, cookie: page.cookie, 'x-sent': String(performance.timeOrigin + performance.now()) },
                };
              },
            },
          ],
        });
        const result = await run.result;
        return `n=${result.requests.total} p50 ${result.latency.p50} p99 ${result.latency.p99} max ${result.latency.max} ms`;
      },
    ],
    ['own client, in the bench process', () => closedLoop({ port, connections, seconds, visitors: pages })],
    [
      'own client, 2 processes of 25',
      async () =>
        (
          await Promise.all(
            [0, 1].map((index) => closedLoopInChild({ port, connections: connections / 2, seconds, visitors: pages, offset: index * 7 })),
          )
        ).flat(),
    ],
  ];
  for (const [name, run] of runs) {
    log(`\n${name} (load average ${os.loadavg()[0]!.toFixed(1)})`);
    const listenQueue: string[] = [];
    let sampling = true;
    const sample = () =>
      execFile('ss', ['-ltnH', `sport = :${port}`], (_error, out) => {
        listenQueue.push(out.trim().split(/\s+/)[1] ?? '?');
        if (sampling) setTimeout(sample, 100);
      });
    sample();
    const latencies = await run();
    sampling = false;
    log(`  client latency: ${typeof latencies === 'string' ? latencies : spread(latencies)}`);
    log(`  listen queue every 100 ms: ${listenQueue.slice(0, 30).join(' ')}`);
    const answer = (await (await fetch(`${server.base}/__queue`)).json()) as { records: QueueRecord[]; loopDelayMaxMs: number };
    const records = answer.records;
    const waits = (filter: (record: QueueRecord) => boolean) => records.filter(filter).map((record) => record.at - record.sent);
    log(
      `  wait from the client's send to Node's request event: k=0 ${spread(waits((r) => r.k === 0))}; k>=3 ${spread(waits((r) => r.k >= 3))}`,
    );
    log(
      `  request event to finish: ${spread(records.map((r) => r.done - r.at))}; event-loop turns in between: p50 ${nearest(
        records.map((r) => r.turnDone - r.turnAt),
        50,
      )}`,
    );
    const byArrival = [...records].sort((a, b) => a.seq - b.seq);
    const inversions = byArrival.filter((record, index) => index > 0 && record.order < byArrival[index - 1]!.order).length;
    const perConnection = [
      ...records.reduce((counts, r) => counts.set(r.conn, (counts.get(r.conn) ?? 0) + 1), new Map<number, number>()).values(),
    ];
    log(
      `  finished out of arrival order: ${inversions} of ${records.length}; requests per connection ${Math.min(...perConnection)}-${Math.max(...perConnection)}; longest event-loop stall ${answer.loopDelayMaxMs.toFixed(0)} ms`,
    );
  }
} finally {
  fixtures.close();
  await server.stop();
  fs.rmSync(workDir, { recursive: true, force: true });
}
