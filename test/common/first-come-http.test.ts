import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createFairServer, firstComeFirstServed } from '../../server/common/first-come.ts';

const fakeRequest = (name: string) => [{ url: name } as http.IncomingMessage, {} as http.ServerResponse] as const;

describe('first come, first served', () => {
  it('runs the requests in the order they came, one per turn of the event loop', async () => {
    const seen: string[] = [];
    const serve = firstComeFirstServed((req) => seen.push(req.url!));
    for (const name of ['a', 'b', 'c']) serve(...fakeRequest(name));
    expect(seen).toEqual([]);
    // A turn of the loop ends after the callbacks set for it: mark each turn's end.
    await new Promise<void>((resolve) => {
      let turns = 0;
      const mark = () => {
        seen.push('turn');
        turns += 1;
        if (turns < 3) setImmediate(mark);
        else resolve();
      };
      setImmediate(mark);
    });
    expect(seen).toEqual(['a', 'turn', 'b', 'turn', 'c', 'turn']);
  });

  it('goes on with the next request when a handler throws', async () => {
    const seen: string[] = [];
    const errors: unknown[] = [];
    const onError = (error: unknown) => errors.push(error);
    process.prependListener('uncaughtException', onError);
    try {
      const serve = firstComeFirstServed((req) => {
        seen.push(req.url!);
        if (req.url === 'a') throw new Error('a failed');
      });
      serve(...fakeRequest('a'));
      serve(...fakeRequest('b'));
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.removeListener('uncaughtException', onError);
    }
    expect(seen).toEqual(['a', 'b']);
    expect(errors).toHaveLength(1);
  });
});

describe('a busy server', () => {
  let server: http.Server | undefined;
  const sockets: net.Socket[] = [];
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.destroy();
    await new Promise((resolve) => server?.close(resolve));
  });

  /**
   * 20 keep-alive connections ask again as soon as they have an answer (the server is
   * never idle), then 20 visitors open a connection each at once. Counts the answers the
   * busy connections got before each newcomer's first. libuv accepts one connection per
   * turn of the event loop; with a turn serving every request read in it, the last
   * newcomer waits a turn of the busy connections' requests per newcomer before it.
   */
  it('lets new connections in while the open ones keep asking', async () => {
    const work = (req: http.IncomingMessage, res: http.ServerResponse) => {
      let sum = 0; // a page's worth of work
      for (let index = 0; index < 200_000; index += 1) sum += index % 7;
      res.end(`${req.url} ${sum}`);
    };
    server = createFairServer(work);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    let busyAnswers = 0;
    let stopped = false;
    const open = (onAnswer: () => boolean) => {
      const socket = net.connect(port, '127.0.0.1');
      sockets.push(socket);
      const ask = () => socket.write('GET /x HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      socket.on('connect', ask);
      // The answers are small: each comes whole, status line first.
      socket.on('data', (chunk: Buffer) => {
        for (const _answer of chunk.toString().matchAll(/HTTP\/1\.1 200/g)) if (onAnswer() && !stopped) ask();
      });
    };
    const warm = new Promise<void>((resolve) => {
      let first = 0;
      for (let index = 0; index < 20; index += 1) {
        let answered = false;
        open(() => {
          busyAnswers += 1;
          if (!answered) {
            answered = true;
            first += 1;
            if (first === 20) resolve();
          }
          return true;
        });
      }
    });
    await warm;
    const waited = await Promise.all(
      Array.from(
        { length: 20 },
        () =>
          new Promise<number>((resolve) => {
            const before = busyAnswers;
            open(() => {
              resolve(busyAnswers - before);
              return false;
            });
          }),
      ),
    );
    stopped = true;
    // First come, first served: a newcomer waits for about one answer per connection
    // ahead of it (40 here, every run); served as Node reads them, 220.
    expect(Math.max(...waited)).toBeLessThan(80);
  });
});
