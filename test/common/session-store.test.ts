import type session from 'express-session';
import { describe, expect, it } from 'vitest';
import { SqliteSessionStore, touchStepMs } from '../../server/common/session-store.ts';
import { openDatabase } from '../../server/storage/connection.ts';

const idleMs = 15 * 60_000;
const data = { cookie: { originalMaxAge: idleMs } } as unknown as session.SessionData;

function storeAt(start: number) {
  const db = openDatabase(':memory:');
  let now = start;
  const store = new SqliteSessionStore(db, () => now);
  const expires = (sid: string) =>
    (db.prepare('SELECT expires FROM sessions WHERE sid = ?').get(sid) as { expires: number } | undefined)?.expires;
  const get = (sid: string) =>
    new Promise<session.SessionData | null | undefined>((resolve, reject) =>
      store.get(sid, (error, found) => (error ? reject(error) : resolve(found))),
    );
  return { store, expires, get, advance: (ms: number) => (now += ms) };
}

describe('the session store', () => {
  it("writes a page view's new expiry only once it has moved on by a minute", () => {
    const start = 1_800_000_000_000;
    const { store, expires, advance } = storeAt(start);
    store.set('abc', data);
    expect(expires('abc')).toBe(start + idleMs);

    advance(touchStepMs - 1_000);
    store.touch('abc', data);
    expect(expires('abc')).toBe(start + idleMs);

    advance(2_000);
    store.touch('abc', data);
    expect(expires('abc')).toBe(start + touchStepMs + 1_000 + idleMs);
  });

  it('keeps a session viewed every few seconds alive past the idle timeout, and ends it after the timeout without a view', async () => {
    const { store, get, advance } = storeAt(1_800_000_000_000);
    store.set('abc', data);
    for (let second = 0; second < 20 * 60; second += 5) {
      advance(5_000);
      expect(await get('abc')).not.toBeNull();
      store.touch('abc', data);
    }
    advance(idleMs);
    expect(await get('abc')).toBeNull();
  });
});
