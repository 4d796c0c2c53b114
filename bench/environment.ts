import crypto from 'node:crypto';
import path from 'node:path';

/** A server's settings for a fresh database in `workDir`, with the bench's own secrets (run.ts and the diagnostics). */
export function serverSetup(workDir: string) {
  const secrets = { keycard: crypto.randomBytes(32).toString('hex'), session: crypto.randomBytes(32).toString('hex') };
  const dbPath = path.join(workDir, 'bench.db');
  const env = {
    DB_PATH: dbPath,
    SECRETS_DIR: workDir,
    SCENARIO_UPLOAD_DIR: path.join(workDir, 'scenarios'),
    KEYCARD_SECRET: secrets.keycard,
    SESSION_SECRET: secrets.session,
    // The bench logs in hundreds of times a minute from one address: lift the limit.
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
    LOG_LEVEL: 'warn',
  };
  return { secrets, dbPath, env };
}
