import http from 'node:http';

export interface Reply {
  status: number;
  location?: string;
  body: string;
}

/**
 * How long the bench keeps an idle keep-alive connection: shorter than the server's 5 s
 * (Node's `keepAliveTimeout`). Without it Node's agent keeps idle connections for ever
 * (it shortens its own timeout to the server's `Keep-Alive: timeout=5` less 1 s, but only
 * when it has one), so a request sent after a pause of about 5 s could go out on a
 * connection the server was closing at that moment: `socket hang up`.
 */
export const clientIdleMs = 4000;

/** One keep-alive agent for all the bench's own requests: cheap on the client side. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64, timeout: clientIdleMs });

/**
 * GETs sent again because the server closed the reused keep-alive connection as they
 * went out (ECONNRESET or `socket hang up` before any answer): each GET at most once, and
 * the bench reports how many. Any other error, a second failure, and every POST still fail.
 */
export const staleConnectionRetries = { count: 0 };

function closedUnderneath(error: NodeJS.ErrnoException): boolean {
  return error.code === 'ECONNRESET' || error.message === 'socket hang up';
}

/**
 * A browser-like visitor: keeps its cookies, sends forms url-encoded. Deliberately small
 * (node:http, no redirects followed) so that the client spends little of the shared CPU.
 */
export class Visitor {
  readonly cookies = new Map<string, string>();

  constructor(private readonly base: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  get(path: string): Promise<Reply> {
    return this.send('GET', path);
  }

  post(path: string, form: Record<string, string>): Promise<Reply> {
    return this.send('POST', path, new URLSearchParams(form).toString());
  }

  private async send(method: string, path: string, body?: string): Promise<Reply> {
    try {
      return await this.sendOnce(method, path, body);
    } catch (error) {
      const { reused } = error as { reused?: boolean };
      if (method !== 'GET' || !reused || !closedUnderneath(error as NodeJS.ErrnoException)) throw error;
      staleConnectionRetries.count += 1;
      return this.sendOnce(method, path, body);
    }
  }

  private sendOnce(method: string, path: string, body?: string): Promise<Reply> {
    const url = new URL(path, this.base);
    if (url.hostname !== '127.0.0.1') throw new Error('The bench only talks to 127.0.0.1');
    const headers: Record<string, string> = { cookie: this.cookieHeader() };
    if (body !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    return new Promise((resolve, reject) => {
      const request = http.request(url, { method, headers, agent, timeout: 30_000 }, (response) => {
        for (const line of response.headers['set-cookie'] ?? []) {
          const [pair] = line.split(';');
          const at = pair!.indexOf('=');
          this.cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1));
        }
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, location: response.headers.location, body: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      });
      request.on('timeout', () => request.destroy(new Error(`${method} ${path} timed out`)));
      // Whether the request went out on a kept-alive connection (a fresh one closing is a real error).
      request.on('error', (error) => reject(Object.assign(error, { reused: request.reusedSocket })));
      request.end(body);
    });
  }
}

export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('The page has no CSRF token');
  return match[1]!;
}

export function keyNumberFrom(html: string): string {
  const match = /data-testid="key-number">\s*(\d{4})\s*</.exec(html);
  if (!match) throw new Error('The key page shows no key number');
  return match[1]!;
}
