import type { IncomingHttpHeaders } from 'node:http';
import type autocannon from 'autocannon';
import type { Rate } from './argon2-bench.ts';
import type { BenchFixtures, LoginTrainee } from './fixtures.ts';
import { csrfFrom, keyNumberFrom, Visitor, type Reply } from './http-client.ts';
import { cannon } from './page-load.ts';

function expect(reply: Reply, status: number, step: string): Reply {
  if (reply.status !== status) {
    throw new Error(`${step}: expected ${status}, got ${reply.status} ${reply.body.replace(/\s+/g, ' ').slice(0, 300)}`);
  }
  return reply;
}

/**
 * One complete NemID login as a person does it, in a fresh browser: the form (GET
 * /login), user ID and password with the form's CSRF token (POST /login), the key page
 * (GET /login/key), and the code printed beside the key asked (POST /login/key).
 * Resolves with the visitor, now holding a logged-in session cookie.
 */
export async function logIn(base: string, fixtures: BenchFixtures, trainee: LoginTrainee): Promise<Visitor> {
  const visitor = new Visitor(base);
  const form = expect(await visitor.get('/login'), 200, 'GET /login');
  const password = await visitor.post('/login', {
    _csrf: csrfFrom(form.body),
    service: 'mynemid',
    identifier: trainee.identifier,
    password: trainee.password,
  });
  expect(password, 303, `POST /login as ${trainee.identifier}`);
  const keyPage = expect(await visitor.get('/login/key'), 200, 'GET /login/key');
  const keyNumber = keyNumberFrom(keyPage.body);
  const code = fixtures.codeFor(trainee.citizenId, keyNumber);
  const answer = expect(await visitor.post('/login/key', { _csrf: csrfFrom(keyPage.body), code }), 303, 'POST /login/key');
  if (answer.location !== '/my-nemid') throw new Error(`POST /login/key went to ${answer.location}`);
  return visitor;
}

interface LoginContext {
  trainee?: LoginTrainee;
  cookies?: Map<string, string>;
  csrf?: string;
  keyNumber?: string;
  failed?: string;
}

/** autocannon gives the headers as sent (`Set-Cookie`), not lower-cased as node:http does. */
function header(headers: IncomingHttpHeaders | undefined, name: string): string | string[] | undefined {
  const key = Object.keys(headers ?? {}).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : headers![key];
}

function keepCookies(context: LoginContext, headers: IncomingHttpHeaders | undefined): void {
  const lines = header(headers, 'set-cookie') ?? [];
  for (const line of Array.isArray(lines) ? lines : [lines]) {
    const [pair] = line.split(';');
    const at = pair!.indexOf('=');
    context.cookies!.set(pair!.slice(0, at).trim(), pair!.slice(at + 1));
  }
}

const cookieHeader = (context: LoginContext) => [...context.cookies!].map(([name, value]) => `${name}=${value}`).join('; ');

/**
 * The four requests of `logIn` as an autocannon loop: each loop is a fresh browser (no
 * cookies) and the next trainee. `onLogin` hears of each login that ends on the
 * service's page, `onFailure` of any other answer.
 */
function loginLoop(
  trainees: LoginTrainee[],
  fixtures: BenchFixtures,
  onLogin: () => void,
  onFailure: (message: string) => void,
): autocannon.Request[] {
  let next = 0;
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const fail = (context: LoginContext, step: string, status: number, body: string) => {
    context.failed = `${step}: ${status} ${body.replace(/\s+/g, ' ').slice(0, 200)}`;
    onFailure(context.failed);
  };
  return [
    {
      method: 'GET',
      path: '/login',
      setupRequest: (request, context: LoginContext) => {
        context.trainee = trainees[next % trainees.length];
        next += 1;
        context.cookies = new Map();
        return { ...request, headers: {} };
      },
      onResponse: (status, body, context: LoginContext, headers) => {
        if (status !== 200) return fail(context, 'GET /login', status, body);
        keepCookies(context, headers);
        context.csrf = csrfFrom(body);
      },
    },
    {
      method: 'POST',
      path: '/login',
      setupRequest: (request, context: LoginContext) => {
        if (context.failed) return undefined as never;
        const { identifier, password } = context.trainee!;
        const body = new URLSearchParams({ _csrf: context.csrf!, service: 'mynemid', identifier, password }).toString();
        return { ...request, headers: { ...form, cookie: cookieHeader(context) }, body };
      },
      onResponse: (status, body, context: LoginContext, headers) => {
        if (status !== 303) return fail(context, 'POST /login', status, body);
        keepCookies(context, headers);
      },
    },
    {
      method: 'GET',
      path: '/login/key',
      setupRequest: (request, context: LoginContext) =>
        context.failed ? (undefined as never) : { ...request, headers: { cookie: cookieHeader(context) } },
      onResponse: (status, body, context: LoginContext, headers) => {
        if (status !== 200) return fail(context, 'GET /login/key', status, body);
        keepCookies(context, headers);
        context.csrf = csrfFrom(body);
        context.keyNumber = keyNumberFrom(body);
      },
    },
    {
      method: 'POST',
      path: '/login/key',
      setupRequest: (request, context: LoginContext) => {
        if (context.failed) return undefined as never;
        const code = fixtures.codeFor(context.trainee!.citizenId, context.keyNumber!);
        const body = new URLSearchParams({ _csrf: context.csrf!, code }).toString();
        return { ...request, headers: { ...form, cookie: cookieHeader(context) }, body };
      },
      onResponse: (status, body, context: LoginContext, headers) => {
        if (status !== 303 || header(headers, 'location') !== '/my-nemid') return fail(context, 'POST /login/key', status, body);
        onLogin();
      },
    },
  ];
}

/**
 * Complete logins per second, driven by autocannon (light on the shared CPU):
 * `concurrency` people logging in at once, bounded by count and time. Any answer other
 * than the expected one fails the bench.
 */
export async function loginRate(
  base: string,
  fixtures: BenchFixtures,
  trainees: LoginTrainee[],
  limits: { concurrency: number; maxCount: number; maxSeconds: number },
): Promise<Rate> {
  if (trainees.length < limits.concurrency * 2) throw new Error('Too few trainees for this many logins at once');
  if (new URL(base).hostname !== '127.0.0.1') throw new Error('The bench only talks to 127.0.0.1');
  let done = 0;
  const failures: string[] = [];
  const onLogin = () => {
    done += 1;
    if (done >= limits.maxCount) run.stop();
  };
  const run = cannon({
    url: base,
    connections: limits.concurrency,
    duration: limits.maxSeconds,
    timeout: 30,
    requests: loginLoop(trainees, fixtures, onLogin, (message) => failures.push(message)),
  });
  const result = await run.result;
  if (failures.length > 0 || result.errors + result.timeouts > 0) {
    throw new Error(`${failures.length} logins failed, ${result.errors} errors, ${result.timeouts} timeouts: ${failures[0] ?? ''}`);
  }
  return { count: done, seconds: result.duration, perSecond: done / result.duration };
}
