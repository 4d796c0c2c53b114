import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { seededContext } from '../helpers/context.ts';

/**
 * A teacher's reset (console or CLI) runs while the server writes to the same SQLite file.
 * A deferred transaction that has read and then must write fails at once with "database is
 * locked" if another connection wrote in between (busy_timeout cannot help it); a reset takes
 * the write lock first, so the other writer waits instead. Here the other writer is a second
 * connection that tries to write while the reset is under way (from the archive hook, the
 * reset's first step, between its reads and its first write) and gives up at once (busy_timeout 0).
 */
describe('a reset while another connection writes the same database', () => {
  it('holds the write lock from its start, so the reset completes and the other writer waits', async () => {
    const dbPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'reset-lock-')), 'sandbox.db');
    const ctx = await seededContext({ dbPath });
    const other = new Database(dbPath);
    other.pragma('busy_timeout = 0');
    const klass = ctx.classes.findByCode('DEMO')!;
    const keep = ctx.archives.keep.bind(ctx.archives);
    let otherWriter = 'did not try';
    ctx.archives.keep = (reset) => {
      ctx.db.prepare('SELECT COUNT(*) FROM citizens').get(); // the reset has read (as the archive's progress does)
      try {
        other.prepare('UPDATE classes SET name = name WHERE id = ?').run(klass.id);
        otherWriter = 'wrote';
      } catch (error) {
        otherWriter = (error as { code?: string }).code ?? String(error);
      }
      return keep(reset); // and now writes
    };

    const result = ctx.scenarios.reset(klass.id);

    expect(result.trainees).toBeGreaterThan(0);
    expect(otherWriter).toBe('SQLITE_BUSY');
    expect(other.prepare('SELECT COUNT(*) AS n FROM events WHERE type = ? AND class_id = ?').get('reset', klass.id)).toEqual({
      n: result.trainees,
    });
    other.close();
    ctx.db.close();
  });
});
