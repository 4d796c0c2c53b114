import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';

export interface Secrets {
  /** Signs session cookies and CSRF tokens. */
  session: string;
  /** Derives key-card key numbers and codes; never stored in the database. */
  keycard: string;
}

/**
 * Reads the secrets file beside the database, creating it with 0600 rights on first
 * start. Environment variables override it. The values are never logged.
 */
export function loadSecrets(config: Pick<Config, 'secretsDir' | 'sessionSecret' | 'keycardSecret'>): Secrets {
  const file = path.join(config.secretsDir, 'secrets.json');
  let stored: Partial<Secrets> = {};
  if (fs.existsSync(file)) {
    stored = JSON.parse(fs.readFileSync(file, 'utf8'));
  }
  const secrets: Secrets = {
    session: stored.session ?? crypto.randomBytes(32).toString('hex'),
    keycard: stored.keycard ?? crypto.randomBytes(32).toString('hex'),
  };
  if (stored.session !== secrets.session || stored.keycard !== secrets.keycard) {
    fs.mkdirSync(config.secretsDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return {
    session: config.sessionSecret ?? secrets.session,
    keycard: config.keycardSecret ?? secrets.keycard,
  };
}
