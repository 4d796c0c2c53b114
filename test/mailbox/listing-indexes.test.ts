import { describe, expect, it } from 'vitest';
import { ExerciseRepository } from '../../server/exercises/exercise-repository.ts';
import { LetterRepository } from '../../server/mailbox/letter-repository.ts';
import { openDatabase, type Db } from '../../server/storage/connection.ts';

/** The SQL a repository prepares, as it prepares it. */
function statementsOf(build: (db: Db) => unknown): { db: Db; sql: string[] } {
  const db = openDatabase(':memory:');
  const sql: string[] = [];
  const recording = new Proxy(db, {
    get(target, name) {
      if (name === 'prepare') return (text: string) => (sql.push(text), target.prepare(text));
      const value = Reflect.get(target, name, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  build(recording);
  return { db, sql };
}

function planOf(db: Db, sql: string): string {
  const names = [...new Set([...sql.matchAll(/@(\w+)/g)].map((match) => match[1]!))];
  const values = Object.fromEntries(names.map((name) => [name, 1]));
  const positional = (sql.match(/\?/g) ?? []).map(() => 1);
  const statement = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const rows = (names.length > 0 ? statement.all(values) : statement.all(...positional)) as { detail: string }[];
  return rows.map((row) => row.detail).join(' | ');
}

// Every mailbox page counts the trainee's letters (the inbox's total, unread, unread paper
// post) and asks whether an exercise's event came: with a full mailbox these read every
// letter, or every later event, from the table unless an index holds what they test
// (db/013-listing-count-indexes.sql, docs/benchmarks.md).
describe('what every mailbox page counts, with a full mailbox', () => {
  it("reads the inbox's letters, unread letters and unread paper post from an index alone", () => {
    const { db, sql } = statementsOf((recording) => new LetterRepository(recording));
    const counts = sql.filter((text) =>
      /^SELECT count\(\*\) AS n FROM letters WHERE citizen_id = (\?|@citizenId) AND delivered_at <= (\?|@now)/.test(text),
    );
    const inbox = counts.find(
      (text) => text.includes("direction = 'in' AND trashed_at IS NULL AND folder_id IS NULL") && !text.includes('LIKE'),
    );
    const unread = counts.find((text) => text.includes("channel = 'digital'") && text.includes('read_at IS NULL'));
    const paper = counts.find((text) => text.includes("channel = 'paper'") && text.includes('read_at IS NULL'));
    for (const text of [inbox, unread, paper]) {
      expect(text).toBeDefined();
      expect(planOf(db, text!)).toMatch(/USING COVERING INDEX/);
    }
  });

  it("finds an exercise's newer event by its type, not by reading every later event", () => {
    const { db, sql } = statementsOf((recording) => new ExerciseRepository(recording));
    const newer = sql.find((text) => /FROM events WHERE citizen_id = \? AND id > \? AND type IN/.test(text));
    expect(newer).toBeDefined();
    expect(planOf(db, newer!)).toMatch(/INDEX \w+ \(citizen_id=\? AND type=\? AND id>\?\)/);
  });
});
