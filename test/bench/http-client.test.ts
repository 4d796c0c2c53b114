import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { clientIdleMs, staleConnectionRetries, Visitor } from '../../bench/http-client.ts';

const servers: http.Server[] = [];

/**
 * A server that answers the first `answered` requests of each connection and then drops
 * the connection when the next request arrives, without an answer: what the client sees
 * when the server closes an idle keep-alive connection just as a request goes out on it.
 */
async function closingServer(answered: number): Promise<string> {
  const server = http.createServer((req, res) => {
    const socket = req.socket as typeof req.socket & { served?: number };
    socket.served = (socket.served ?? 0) + 1;
    if (socket.served > answered) socket.destroy();
    else res.end(`answer ${socket.served} on this connection`);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe("the bench's own HTTP client", () => {
  it('sends a GET again, once, on a new connection when the server closed the reused one as it went out, and counts it', async () => {
    const visitor = new Visitor(await closingServer(1));
    const before = staleConnectionRetries.count;
    expect((await visitor.get('/first')).body).toBe('answer 1 on this connection');
    const again = await visitor.get('/second');
    expect(again).toMatchObject({ status: 200, body: 'answer 1 on this connection' });
    expect(staleConnectionRetries.count).toBe(before + 1);
  });

  it('does not send a POST again: it is not idempotent, so the failure stands', async () => {
    const visitor = new Visitor(await closingServer(1));
    await visitor.get('/first');
    const before = staleConnectionRetries.count;
    await expect(visitor.post('/form', { a: '1' })).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(staleConnectionRetries.count).toBe(before);
  });

  it('does not hide a server that drops a fresh connection: that is a real error', async () => {
    const visitor = new Visitor(await closingServer(0));
    const before = staleConnectionRetries.count;
    await expect(visitor.get('/first')).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(staleConnectionRetries.count).toBe(before);
  });

  it('closes idle connections before the server would (Node closes them after 5 s)', () => {
    expect(clientIdleMs).toBeLessThan(new http.Server().keepAliveTimeout);
  });
});
