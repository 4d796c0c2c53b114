import autocannon from 'autocannon';

/**
 * Runs autocannon and lets the caller stop it early (its own `amount` would override the
 * duration, so a count is bounded by calling `stop()`).
 */
export function cannon(options: autocannon.Options): { result: Promise<autocannon.Result>; stop: () => void } {
  let instance: autocannon.Instance | undefined;
  const result = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(options, (error, outcome) => (error ? reject(error) : resolve(outcome)));
  });
  return { result, stop: () => instance?.stop() };
}

export interface PageLoad {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
}

/**
 * Loads pages with autocannon: `connections` open connections, each request taking the
 * next visitor in turn (their own session cookie and their own page), for `seconds`
 * (and at most `maxRequests`). Any answer other than 200 makes the figure worthless,
 * so it fails the bench instead of being counted.
 */
export async function loadPages(options: {
  base: string;
  connections: number;
  seconds: number;
  maxRequests?: number;
  visitors: { cookie: string; path: string }[];
}): Promise<PageLoad> {
  const url = new URL(options.base);
  if (url.hostname !== '127.0.0.1') throw new Error('The bench only loads 127.0.0.1');
  const { visitors } = options;
  if (visitors.length === 0) throw new Error('No visitors to load pages with');
  let next = 0;
  const single = visitors.length === 1 && visitors[0]!.cookie === '';
  const maxRequests = options.maxRequests ?? 200_000;
  const run = cannon({
    url: options.base,
    connections: options.connections,
    duration: options.seconds,
    timeout: 20,
    requests: [
      single
        ? { method: 'GET', path: visitors[0]!.path }
        : {
            method: 'GET',
            setupRequest: (request) => {
              const visitor = visitors[next % visitors.length]!;
              next += 1;
              if (next >= maxRequests) run.stop();
              return { ...request, path: visitor.path, headers: { ...request.headers, cookie: visitor.cookie } };
            },
          },
    ],
  });
  const result = await run.result;
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0) {
    const codes = JSON.stringify((result as unknown as { statusCodeStats?: unknown }).statusCodeStats ?? {});
    throw new Error(`${failed} of ${result.requests.total} requests to ${visitors[0]!.path} failed (status codes ${codes})`);
  }
  return {
    requestsPerSecond: result.requests.total / (result.duration || options.seconds),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
  };
}
