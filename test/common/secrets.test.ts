import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSecrets } from '../../server/common/secrets.ts';

describe('the secrets file', () => {
  it('is generated on first start with 0600 rights and read back unchanged afterwards', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secrets-'));
    const first = loadSecrets({ secretsDir: dir });
    const file = path.join(dir, 'secrets.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(first.keycard).toMatch(/^[0-9a-f]{64}$/);
    expect(first.session).not.toBe(first.keycard);
    expect(loadSecrets({ secretsDir: dir })).toEqual(first);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lets environment settings override the stored secrets', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secrets-'));
    expect(loadSecrets({ secretsDir: dir, keycardSecret: 'from-the-environment' }).keycard).toBe('from-the-environment');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
