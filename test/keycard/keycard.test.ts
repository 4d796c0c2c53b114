import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KeyCardCodes } from '../../server/keycard/keycard-codes.ts';
import { seededContext, testContext } from '../helpers/context.ts';

describe('key card codes', () => {
  const codes = new KeyCardCodes('a-secret-for-this-test-only-0123456789');

  it('has 148 unique 4-digit key numbers between 0001 and 9999', () => {
    const keys = codes.keyNumbers('nonce-1', 148);
    expect(keys).toHaveLength(148);
    expect(new Set(keys).size).toBe(148);
    for (const key of keys) {
      expect(key).toMatch(/^\d{4}$/);
      expect(Number(key)).toBeGreaterThanOrEqual(1);
    }
  });

  it('gives 6-digit codes that differ between cards', () => {
    const a = codes.keyNumbers('card-a', 148).map((key) => codes.code('card-a', key));
    const b = codes.keyNumbers('card-a', 148).map((key) => codes.code('card-b', key));
    for (const code of a) expect(code).toMatch(/^\d{6}$/);
    expect(a).not.toEqual(b);
    expect(new Set(a).size).toBeGreaterThan(140);
  });

  it('accepts only the exact printed code', () => {
    const key = codes.keyNumbers('n', 1)[0]!;
    const code = codes.code('n', key);
    expect(codes.matches('n', key, code)).toBe(true);
    expect(codes.matches('n', key, code.slice(0, 5))).toBe(false);
    expect(codes.matches('n', key, `${code}0`)).toBe(false);
  });
});

describe('key cards in the database', () => {
  it('cannot be read from the database file alone: another secret prints other codes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-'));
    const dbPath = path.join(dir, 'cards.db');
    const issued = await seededContext({ dbPath, keycardSecret: 'the-server-secret-kept-outside-the-db' });
    const mette = issued.citizens.findByIdentifier('mette.hansen')!;
    const printed = issued.keycards.printed(issued.keycards.activeCard(mette.id)!);
    issued.db.close();

    const fileText =
      fs.readFileSync(dbPath).toString('latin1') +
      (fs.existsSync(`${dbPath}-wal`) ? fs.readFileSync(`${dbPath}-wal`).toString('latin1') : '');
    const unused = printed.filter((entry) => !entry.used);
    const pairsInFile = unused.filter(
      (entry) => fileText.includes(`${entry.key}${entry.code}`) || fileText.includes(entry.code + entry.key),
    );
    expect(pairsInFile).toHaveLength(0);

    const stranger = testContext({ dbPath, keycardSecret: 'a-guess-at-the-secret' });
    const guessed = stranger.keycards.printed(stranger.keycards.activeCard(mette.id)!);
    expect(guessed.map((entry) => entry.code)).not.toEqual(printed.map((entry) => entry.code));
    stranger.db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints the same card again after a reset, so a printed card stays valid', async () => {
    const ctx = await seededContext();
    const mette = ctx.citizens.findByIdentifier('mette.hansen')!;
    const before = ctx.keycards.printed(ctx.keycards.activeCard(mette.id)!);
    ctx.scenarios.reset(mette.classId);
    const after = ctx.keycards.printed(ctx.keycards.activeCard(mette.id)!);
    expect(after).toEqual(before);
  });

  it('starts the trainee "running out" with exactly 21 unused keys', async () => {
    const ctx = await seededContext();
    const jens = ctx.citizens.findByIdentifier('jens.nielsen')!;
    const printed = ctx.keycards.printed(ctx.keycards.activeCard(jens.id)!);
    expect(printed.filter((entry) => !entry.used)).toHaveLength(21);
  });
});
