import { fork } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

export interface ClosedLoopOptions {
  port: number;
  connections: number;
  seconds: number;
  visitors: { cookie: string; path: string }[];
  /** Where in `visitors` this client starts (several clients: different trainees first). */
  offset?: number;
}

/**
 * A minimal closed-loop HTTP/1.1 client for bench/queue-order.ts: `connections`
 * keep-alive sockets, each sending its next request as soon as the previous answer is
 * whole, with its send time in a header (x-sent). Gives each request's latency in ms.
 */
export function closedLoop(options: ClosedLoopOptions): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let next = options.offset ?? 0;
    const end = performance.now() + options.seconds * 1000;
    let open = options.connections;
    for (let index = 0; index < options.connections; index += 1) {
      const socket = net.connect(options.port, '127.0.0.1');
      let buffer: Buffer = Buffer.alloc(0);
      let need = -1;
      let sentAt = 0;
      const send = () => {
        if (performance.now() > end) {
          socket.end();
          open -= 1;
          if (open === 0) resolve(latencies);
          return;
        }
        const visitor = options.visitors[next++ % options.visitors.length]!;
        sentAt = performance.now();
        socket.write(
          `GET ${visitor.path} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${visitor.cookie}\r\nx-sent: ${performance.timeOrigin + sentAt}\r\n\r\n`,
        );
      };
      socket.on('error', reject);
      socket.on('connect', send);
      socket.on('data', (chunk: Buffer) => {
        buffer = buffer.length > 0 ? Buffer.concat([buffer, chunk]) : chunk;
        for (;;) {
          if (need < 0) {
            const headEnd = buffer.indexOf('\r\n\r\n');
            if (headEnd < 0) return;
            const head = buffer.subarray(0, headEnd).toString();
            const length = /content-length: (\d+)/i.exec(head);
            if (!head.startsWith('HTTP/1.1 200') || !length) return reject(new Error(`Unexpected answer: ${head.split('\r\n')[0]}`));
            need = headEnd + 4 + Number(length[1]);
          }
          if (buffer.length < need) return;
          buffer = buffer.subarray(need);
          need = -1;
          latencies.push(performance.now() - sentAt);
          send();
        }
      });
    }
  });
}

/** The same client in a process of its own (so that it does not share the bench's event loop). */
export function closedLoopInChild(options: ClosedLoopOptions): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['child', JSON.stringify(options)], { execArgv: ['--import', 'tsx'] });
    child.once('message', (latencies) => resolve(latencies as number[]));
    child.once('error', reject);
  });
}

if (process.argv[2] === 'child' && process.argv[1] === fileURLToPath(import.meta.url)) {
  closedLoop(JSON.parse(process.argv[3]!) as ClosedLoopOptions).then((latencies) => process.send!(latencies, () => process.exit(0)));
}
