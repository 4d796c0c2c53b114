import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFictionalCpr } from '../../server/citizen/fictional-identity.ts';
import { ScenarioInvalid } from '../../server/common/errors.ts';
import { parseScenario } from '../../server/scenario/scenario-library.ts';
import { scenarioDir, seededContext, testContext } from '../helpers/context.ts';

function scenarioFolderWith(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scenarios-'));
  for (const file of fs.readdirSync(scenarioDir)) fs.copyFileSync(path.join(scenarioDir, file), path.join(dir, file));
  fs.writeFileSync(path.join(dir, `${name}.yaml`), text);
  return dir;
}

const broken = `
title: Broken
description: A scenario with mistakes
class: { code: BROKEN, name: Broken }
trainees:
  - name: Ok Fiktiv Person
    state: active
  - name: Bad Fiktiv Person
    cpr: "010190-1234"
    state: sleeping
`;

describe('scenario files', () => {
  it('ship a valid default scenario of at least 8 fictional trainees in different states', () => {
    const scenario = parseScenario('default.yaml', fs.readFileSync(path.join(scenarioDir, 'default.yaml'), 'utf8'));
    expect(scenario.trainees.length).toBeGreaterThanOrEqual(8);
    const states = scenario.trainees.map((trainee) => trainee.state);
    expect(states.filter((state) => state === 'active').length).toBeGreaterThanOrEqual(3);
    expect(states).toContain('pending');
    expect(scenario.trainees.some((trainee) => trainee.keysLeft === 21)).toBe(true);
    for (const trainee of scenario.trainees) expect(isFictionalCpr(trainee.cpr!)).toBe(true);
  });

  it('refuses a broken file naming the file, the field and what was expected', () => {
    let error: unknown;
    try {
      parseScenario('seed/scenarios/broken.yaml', broken);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ScenarioInvalid);
    const message = (error as Error).message;
    expect(message).toContain('seed/scenarios/broken.yaml');
    expect(message).toMatch(/trainees\[1\]\.cpr \(line 9\): A fictional CPR number/);
    expect(message).toMatch(/trainees\[1\]\.state \(line 10\): One of: pending/);
  });

  it('refuses text that is not YAML at all', () => {
    expect(() => parseScenario('x.yaml', 'title: [unclosed')).toThrow(/x\.yaml[\s\S]*line 1[\s\S]*is not closed/);
  });

  it('leaves the database as it was when a scenario is refused', async () => {
    const dir = scenarioFolderWith('broken', broken);
    const ctx = testContext({ dir });
    await ctx.scenarios.load('default', { classCode: 'BROKEN' });
    const before = ctx.citizens.listInClass(ctx.classes.findByCode('BROKEN')!.id);
    await expect(ctx.scenarios.load('broken')).rejects.toBeInstanceOf(ScenarioInvalid);
    expect(ctx.citizens.listInClass(ctx.classes.findByCode('BROKEN')!.id)).toEqual(before);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('loading and resetting', () => {
  it('gives a second class of the same scenario its own identities', async () => {
    const ctx = await seededContext();
    await ctx.scenarios.load('default', { classCode: 'DEMO2' });
    const first = ctx.citizens.listInClass(ctx.classes.findByCode('DEMO')!.id);
    const second = ctx.citizens.listInClass(ctx.classes.findByCode('DEMO2')!.id);
    expect(second).toHaveLength(first.length);
    const firstNumbers = new Set(first.map((citizen) => citizen.nemidNumber));
    expect(second.some((citizen) => firstNumbers.has(citizen.nemidNumber))).toBe(false);
    for (const citizen of second) expect(isFictionalCpr(citizen.cpr)).toBe(true);
  });

  it('creates a class of 30 generated trainees and refuses a class code that is taken', async () => {
    const ctx = testContext();
    const klass = await ctx.scenarios.createClass('HOLD-7', 'default', 30, null, 'cli');
    const trainees = ctx.citizens.listInClass(klass.id);
    expect(trainees).toHaveLength(30);
    expect(new Set(trainees.map((citizen) => citizen.cpr)).size).toBe(30);
    await expect(ctx.scenarios.createClass('HOLD-7', 'default', 3, null, 'cli')).rejects.toThrow(/exists already/);
  });

  it('puts a trainee back to the starting state and keeps the other trainees as they are', async () => {
    const ctx = await seededContext();
    const mette = ctx.citizens.findByIdentifier('mette.hansen')!;
    const ahmed = ctx.citizens.findByIdentifier('ahmed.karimi')!;
    for (let i = 0; i < 5; i += 1) await ctx.login.checkPassword('mette.hansen', 'Wrong1x');
    for (let i = 0; i < 2; i += 1) await ctx.login.checkPassword('ahmed.karimi', 'Wrong1x');
    expect(ctx.citizens.findById(mette.id)!.state).toBe('locked');

    ctx.scenarios.reset(mette.classId, { citizenId: mette.id });
    expect(ctx.citizens.findById(mette.id)).toMatchObject({ state: 'active', wrongPasswordCount: 0 });
    expect(ctx.citizens.findById(ahmed.id)!.wrongPasswordCount).toBe(2);
    expect((await ctx.login.checkPassword('mette.hansen', 'Hest2024')).kind).toBe('key');
  });
});
