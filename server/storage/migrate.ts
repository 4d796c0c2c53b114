import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { projectRoot } from '../common/project-root.ts';

const migrationsDir = path.join(projectRoot, 'db');

interface Migration {
  version: number;
  file: string;
}

export function listMigrations(dir = migrationsDir): Migration[] {
  return fs
    .readdirSync(dir)
    .map((file) => ({ file, match: /^(\d{3})-[\w-]+\.sql$/.exec(file) }))
    .filter((entry): entry is { file: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ file, match }) => ({ version: Number(match[1]), file }))
    .sort((a, b) => a.version - b.version);
}

/**
 * Applies the numbered SQL files in `db/` that are newer than `PRAGMA user_version`,
 * each in its own transaction together with the version bump, so a failed migration
 * leaves the database at the previous version.
 */
export function migrate(db: Database.Database, dir = migrationsDir): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  let applied = 0;
  for (const migration of listMigrations(dir)) {
    if (migration.version <= current) continue;
    const sql = fs.readFileSync(path.join(dir, migration.file), 'utf8');
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
    applied += 1;
  }
  return applied;
}
