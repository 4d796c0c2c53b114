import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boot } from '../../server/boot.ts';

let dir: string;

function sandbox(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', ...args], {
    env: { ...process.env, DB_PATH: path.join(dir, 'cli.db') },
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const json = (out: string) => JSON.parse(out);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-cli-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the sandbox command', () => {
  it('lists the scenarios as JSON', () => {
    const { code, out } = sandbox('scenario', 'list', '--json');
    expect(code).toBe(0);
    const names = json(out).map((scenario: { name: string }) => scenario.name);
    expect(names).toContain('default');
  });

  it('loads a scenario into a class and lists its trainees with passwords and states', () => {
    expect(sandbox('scenario', 'load', 'default', '--class', 'CLI').code).toBe(0);
    const { code, out } = sandbox('trainees', '--class', 'CLI', '--json');
    expect(code).toBe(0);
    const trainees = json(out);
    expect(trainees.length).toBeGreaterThanOrEqual(8);
    const mette = trainees.find((t: { name: string }) => t.name === 'Mette Fiktiv Hansen');
    expect(mette).toMatchObject({
      userId: 'mette.hansen',
      nemidNumber: '418203557',
      cpr: '120345-6789',
      class: 'CLI',
      password: 'Hest2024',
      state: 'active',
    });
    const states = new Set(trainees.map((t: { state: string }) => t.state));
    for (const state of ['pending', 'active', 'locked', 'blocked']) expect(states).toContain(state);
    expect(mette).toMatchObject({ identity: 'nemid', mitidUserId: null });
  });

  it('lists the identity kind of MitID trainees: MitID only, or NemID and MitID', () => {
    expect(sandbox('scenario', 'load', 'mitid-login', '--class', 'CLIMITID').code).toBe(0);
    const trainees = json(sandbox('trainees', '--class', 'CLIMITID', '--json').out);
    expect(trainees.find((t: { name: string }) => t.name === 'Sofie Fiktiv Lund')).toMatchObject({
      identity: 'mitid',
      mitidUserId: 'sofie.lund',
      mitidPassword: 'Cykel2468',
    });
    expect(trainees.find((t: { name: string }) => t.name === 'Karen Fiktiv Holm')).toMatchObject({
      identity: 'both',
      userId: 'karen.holm',
      mitidUserId: 'karen.mitid',
      mitidActivated: true,
    });
  });

  it('gives a MitID trainee who is still to get MitID in the lesson as identity mitid, not yet activated', () => {
    expect(sandbox('scenario', 'load', 'mitid-first-login', '--class', 'CLIFIRST').code).toBe(0);
    const trainees = json(sandbox('trainees', '--class', 'CLIFIRST', '--json').out);
    expect(trainees.find((t: { name: string }) => t.name === 'Ida Fiktiv Brandt')).toMatchObject({
      identity: 'mitid',
      mitidActivated: false,
      mitidUserId: null,
    });
    expect(trainees.find((t: { name: string }) => t.name === 'Bent Fiktiv Juhl')).toMatchObject({
      identity: 'nemid',
      mitidActivated: null,
      userId: 'bent.juhl',
    });
  });

  it('prints the active key card as JSON', () => {
    const { code, out } = sandbox('keycard', 'jens.nielsen', '--json');
    expect(code).toBe(0);
    const card = json(out);
    expect(card.cardNumber).toMatch(/^\d{10}$/);
    expect(card.keys).toHaveLength(148);
    expect(card.keys[0]).toEqual({
      key: expect.stringMatching(/^\d{4}$/),
      code: expect.stringMatching(/^\d{6}$/),
      used: expect.any(Boolean),
    });
    expect(card.keys.filter((key: { used: boolean }) => !key.used)).toHaveLength(21);
  });

  it('moves the class clock and ends an 8-hour lock', () => {
    const before = json(sandbox('clock', 'show', '--class', 'CLI', '--json').out);
    const karen = () =>
      json(sandbox('trainees', '--class', 'CLI', '--json').out).find((t: { userId: string }) => t.userId === 'karen.olsen');
    expect(karen().state).toBe('locked');
    const advance = sandbox('clock', 'advance', '8h', '--class', 'CLI');
    expect(advance.code).toBe(0);
    const after = json(sandbox('clock', 'show', '--class', 'CLI', '--json').out);
    expect(Date.parse(after.now) - Date.parse(before.now)).toBeGreaterThanOrEqual(8 * 3_600_000);
    expect(karen().state).toBe('active');
  });

  it('prints the card the login asks for: the old one while a renewed card is in the post, the new one once it has arrived', () => {
    // Jens uses one more key of his 21, so a new card is sent by post (as a correct code at the login does).
    const { ctx } = boot({ ...process.env, DB_PATH: path.join(dir, 'cli.db') });
    const jens = ctx.citizens.findByIdentifier('jens.nielsen')!;
    const old = ctx.keycards.activeCard(jens.id)!;
    const now = ctx.clock.now(jens.classId);
    ctx.keycards.useFirstKeys(old, 148 - 20, now);
    const renewed = ctx.keycards.renewIfRunningOut(old, 20, now)!;
    ctx.db.close();
    const before = sandbox('keycard', 'jens.nielsen', '--json');
    expect(before.code).toBe(0);
    expect(json(before.out).cardNumber).toBe(old.cardNumber);
    expect(json(before.out).next.cardNumber).toBe(renewed.cardNumber);
    expect(sandbox('keycard', 'jens.nielsen').out).toMatch(/is on its way by post and arrives/);
    expect(sandbox('clock', 'advance', '1w', '--class', 'CLI').code).toBe(0);
    const after = sandbox('keycard', 'jens.nielsen', '--json');
    expect(json(after.out).cardNumber).toBe(renewed.cardNumber);
    expect(json(after.out).keys.filter((key: { used: boolean }) => key.used)).toHaveLength(0);
    expect(json(after.out).next).toBeUndefined();
  });

  it('creates a class of generated trainees and resets it, printing the time it took', () => {
    expect(sandbox('class', 'create', 'HOLD1', '--scenario', 'default', '--trainees', '12').code).toBe(0);
    expect(json(sandbox('trainees', '--class', 'HOLD1', '--json').out)).toHaveLength(12);
    const reset = sandbox('class', 'reset', 'HOLD1');
    expect(reset.code).toBe(0);
    expect(reset.out).toMatch(/Reset class HOLD1 \(12 trainees\) in \d+ ms/);
  });

  it('adds a teacher account', () => {
    const { code, out } = sandbox('teacher', 'add', 'lærer.test'.replace('æ', 'ae'), '--password', 'a-long-teacher-password');
    expect(code).toBe(0);
    expect(out).toContain('can now log in at /teacher');
  });

  it('prints the event log of a class as JSON', () => {
    const { code, out } = sandbox('events', '--class', 'CLI', '--json');
    expect(code).toBe(0);
    const types = json(out).map((event: { type: string }) => event.type);
    expect(types).toContain('scenario-loaded');
    expect(types).toContain('clock-advanced');
  });

  it.each([
    [['keycard', 'no.such.person'], /No trainee with the user ID/],
    [['scenario', 'load', 'no-such-scenario'], /No scenario named "no-such-scenario"/],
    [['clock', 'advance', 'soon'], /not a duration/],
    [['class', 'create', 'HOLD1', '--scenario', 'default', '--trainees', '3'], /exists already/],
    [['trainees', '--class', 'NOPE'], /No class with the code "NOPE"/],
    [['teacher', 'add', 'someone'], /Missing --password/],
    [['frobnicate'], /Unknown command/],
    [['trainees', '--bogus'], /Unknown option/],
  ])('refuses %j on stderr with a non-zero exit', (args, message) => {
    const { code, out, err } = sandbox(...args);
    expect(code).not.toBe(0);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });
});
