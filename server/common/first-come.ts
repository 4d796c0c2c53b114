import http from 'node:http';

type Listener = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/**
 * Serves requests first come, first served, one per turn of the event loop.
 *
 * libuv (since 1.45, libuv/libuv#3696, in Node 20) accepts one new connection per turn
 * of the event loop. Node runs a request's handler in the turn that read it, so a busy
 * turn runs every request read in it (50 keep-alive connections: about 50 pages, 100 ms)
 * and a visitor opening a connection waits one such turn per connection queued before
 * theirs: measured, 36 new connections waited up to 6.5 s while the open ones were
 * served again and again (docs/benchmarks.md, "The tail of 50 trainees"). Here each
 * request waits in a queue in the order Node read it, and the queue runs one request per
 * turn, so the loop polls its sockets (and accepts the next connection) between any two
 * requests.
 */
export function firstComeFirstServed(handler: Listener): Listener {
  const queue: [http.IncomingMessage, http.ServerResponse][] = [];
  let scheduled = false;
  const next = () => {
    const [req, res] = queue.shift()!;
    if (queue.length > 0) setImmediate(next);
    else scheduled = false;
    handler(req, res);
  };
  return (req, res) => {
    queue.push([req, res]);
    if (!scheduled) {
      scheduled = true;
      setImmediate(next);
    }
  };
}

/** An HTTP server for `handler` (the Express app) serving its requests first come, first served. */
export function createFairServer(handler: Listener): http.Server {
  return http.createServer(firstComeFirstServed(handler));
}
