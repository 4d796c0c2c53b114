import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../server/context.ts';
import { ScenarioLibrary, parseScenario } from '../../server/scenario/scenario-library.ts';
import { FakeTime, codeForAskedKey, hours, seededContext, testContext } from '../helpers/context.ts';

async function demo() {
  const time = new FakeTime();
  const ctx = await seededContext({ time });
  return { ctx, time };
}

const doneIds = (ctx: Context, citizenId: number) =>
  ctx.exercises
    .progress(ctx.citizens.findById(citizenId)!)
    .exercises.filter((status) => status.done)
    .map((status) => status.exercise.id);

async function logIn(ctx: Context, identifier: string, password: string): Promise<number> {
  const step = await ctx.login.checkPassword(identifier, password);
  if (step.kind !== 'key') throw new Error(`password step: ${step.kind}`);
  const outcome = ctx.login.answerKey(step.citizen.id, codeForAskedKey(ctx, identifier).code, 'mynemid');
  if (outcome.kind !== 'ok') throw new Error(`key step: ${outcome.kind}`);
  return step.citizen.id;
}

const letterFrom = (ctx: Context, citizenId: number, senderKey: string) =>
  ctx.mailbox.arrivedLetters(citizenId).find((letter) => letter.senderKey === senderKey && letter.direction === 'in')!;

describe('the exercises of a scenario', () => {
  it('lists the default scenario’s exercises in order, none done at the start', async () => {
    const { ctx } = await demo();
    const ahmed = ctx.citizens.findByIdentifier('ahmed.karimi')!;
    const progress = ctx.exercises.progress(ahmed);
    expect(progress.exercises.map((status) => status.exercise.id)).toEqual([
      'log-in',
      'read-tax-letter',
      'answer-tax-letter',
      'sign-contract',
      'block-lost-card',
    ]);
    expect(progress.doneCount).toBe(0);
    expect(progress.next?.exercise.id).toBe('log-in');
  });

  it('ticks the login the moment the key code is right, at the class clock’s time', async () => {
    const { ctx, time } = await demo();
    const ahmed = ctx.citizens.findByIdentifier('ahmed.karimi')!;
    await ctx.login.checkPassword('ahmed.karimi', 'Bog7531x');
    expect(doneIds(ctx, ahmed.id)).toEqual([]);
    time.advance(hours(1));
    await logIn(ctx, 'ahmed.karimi', 'Bog7531x');
    const progress = ctx.exercises.progress(ahmed);
    expect(doneIds(ctx, ahmed.id)).toEqual(['log-in']);
    expect(progress.exercises[0]!.doneAt).toBe(ctx.clock.now(ahmed.classId));
    expect(progress.next?.exercise.id).toBe('read-tax-letter');
  });

  it('ticks reading and answering only for the letter from Skattestyrelsen', async () => {
    const { ctx } = await demo();
    const id = await logIn(ctx, 'ahmed.karimi', 'Bog7531x');
    const municipality = letterFrom(ctx, id, 'kommune');
    ctx.post.inbox.open(id, municipality.id);
    ctx.post.correspondence.answer(id, municipality.id, { body: 'Jeg bor stadig her.', attachments: [] });
    expect(doneIds(ctx, id)).toEqual(['log-in']);

    const tax = letterFrom(ctx, id, 'skattestyrelsen');
    ctx.post.inbox.open(id, tax.id);
    expect(doneIds(ctx, id)).toEqual(['log-in', 'read-tax-letter']);
    ctx.post.correspondence.answer(id, tax.id, { body: 'Tak, det ser rigtigt ud.', attachments: [] });
    expect(doneIds(ctx, id)).toEqual(['log-in', 'read-tax-letter', 'answer-tax-letter']);
  });

  it('ticks blocking for a lost key card, but not a block by the issuer or for another reason', async () => {
    const { ctx } = await demo();
    const mette = ctx.citizens.findByIdentifier('mette.hansen')!;
    ctx.blocking.blockByIssuer(mette.id, 'third-party', { actor: 'issuer', channel: 'issuer' });
    expect(doneIds(ctx, mette.id)).toEqual([]);
    const anna = ctx.citizens.findByIdentifier('anna.schmidt')!;
    ctx.blocking.blockByOwner(anna.id, 'forgotten-password', { actor: 'trainee', channel: 'self-service' });
    expect(doneIds(ctx, anna.id)).toEqual([]);
    const ahmed = ctx.citizens.findByIdentifier('ahmed.karimi')!;
    ctx.blocking.blockByOwner(ahmed.id, 'lost-card', { actor: 'trainee', channel: 'phone' });
    expect(doneIds(ctx, ahmed.id)).toEqual(['block-lost-card']);
  });

  it('starts again after the trainee is reset, as the events go with the reset', async () => {
    const { ctx } = await demo();
    const id = await logIn(ctx, 'ahmed.karimi', 'Bog7531x');
    expect(doneIds(ctx, id)).toEqual(['log-in']);
    ctx.scenarios.reset(ctx.citizens.findById(id)!.classId, { citizenId: id, actor: 'teacher' });
    expect(doneIds(ctx, id)).toEqual([]);
  });

  it('celebrates each exercise once: news holds only what is newer than what was seen', async () => {
    const { ctx } = await demo();
    const id = await logIn(ctx, 'ahmed.karimi', 'Bog7531x');
    const ahmed = ctx.citizens.findById(id)!;
    const first = ctx.exercises.news(ahmed, 0)!;
    expect(first.done.map((status) => status.exercise.id)).toEqual(['log-in']);
    expect(ctx.exercises.news(ahmed, first.seenUpTo)).toBeNull();
    ctx.post.inbox.open(id, letterFrom(ctx, id, 'skattestyrelsen').id);
    const second = ctx.exercises.news(ahmed, first.seenUpTo)!;
    expect(second.done.map((status) => status.exercise.id)).toEqual(['read-tax-letter']);
    expect(second.progress.next?.exercise.id).toBe('answer-tax-letter');
  });

  it('ticks the self-study exercises from the first activation, and guides a self-study class from the start', async () => {
    const ctx = testContext();
    const klass = await ctx.scenarios.load('self-study', { classCode: 'S-TEST', kind: 'selfstudy', traineeCount: 1, actor: 'trainee' });
    const citizen = ctx.citizens.listInClass(klass.id)[0]!;
    expect(ctx.exercises.classGuided(klass.id)).toBe(true);
    const password = ctx.citizens.blueprintOf(citizen.id).knownPassword;
    const step = await ctx.login.checkPassword(citizen.nemidNumber, password);
    expect(step.kind).toBe('choose-password');
    const chosen = await ctx.login.choosePassword(citizen.id, { password: 'Kaffe2468', repeat: 'Kaffe2468', userId: '' });
    expect(chosen.ok).toBe(true);
    expect(doneIds(ctx, citizen.id)).toEqual(['choose-password']);
    const letter = ctx.mailbox.arrivedLetters(citizen.id)[0]!;
    ctx.post.inbox.open(citizen.id, letter.id);
    ctx.post.correspondence.answer(citizen.id, letter.id, { body: 'Jeg kan bruge min postkasse.', attachments: [] });
    expect(doneIds(ctx, citizen.id)).toEqual(['choose-password', 'read-letter', 'answer-letter']);
  });
});

describe('the class’s guide', () => {
  it('is off for the default class until a teacher switches it on, and the switch is logged', async () => {
    const { ctx } = await demo();
    const klass = ctx.classes.findByCode('DEMO')!;
    expect(ctx.exercises.classGuided(klass.id)).toBe(false);
    ctx.exercises.setClassGuided(klass.id, true, 'teacher');
    ctx.exercises.setClassGuided(klass.id, true, 'teacher');
    expect(ctx.exercises.classGuided(klass.id)).toBe(true);
    const switched = ctx.events.list({ classId: klass.id }).filter((event) => event.type === 'guide-switched');
    expect(switched.map((event) => event.data)).toEqual([{ guided: true }]);
    expect(ctx.exercises.exercisesOf(klass.id)).toHaveLength(5);
  });

  it('keeps the teacher’s switch through a class reset, and the scenario’s setting on a new load', async () => {
    const { ctx } = await demo();
    const klass = ctx.classes.findByCode('DEMO')!;
    ctx.exercises.setClassGuided(klass.id, true, 'teacher');
    ctx.scenarios.reset(klass.id, { actor: 'teacher' });
    expect(ctx.exercises.classGuided(klass.id)).toBe(true);
    await ctx.scenarios.load('default', { actor: 'cli' });
    expect(ctx.exercises.classGuided(klass.id)).toBe(false);
  });
});

describe('exercises in a scenario file', () => {
  const base = fs.readFileSync(path.resolve('seed/scenarios/self-study.yaml'), 'utf8').replace(/\nexercises:[\s\S]*$/, '\n');

  it('refuses two exercises with the same id, naming the field', () => {
    const text = `${base}exercises:\n  - { id: same, title: A, events: [login-ok] }\n  - { id: same, title: B, events: [login-ok] }\n`;
    expect(() => parseScenario('twice.yaml', text)).toThrow(/exercises\[1\]\.id \(line \d+\): an id no other exercise has/);
  });

  it('refuses an exercise without events, and a start that is not a page of the sandbox', () => {
    expect(() => parseScenario('x.yaml', `${base}exercises:\n  - { id: none, title: A, events: [] }\n`)).toThrow(
      /exercises\[0\]\.events \(line \d+\): at least one event type/,
    );
    expect(() =>
      parseScenario('x.yaml', `${base}exercises:\n  - { id: away, title: A, start: "//evil.example/login", events: [login-ok] }\n`),
    ).toThrow(/exercises\[0\]\.start \(line \d+\): a path of the sandbox/);
  });

  it('names in every shipped scenario only event types that the sandbox records', () => {
    const source = fs
      .readdirSync('server', { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
      .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'))
      .join('\n');
    const library = new ScenarioLibrary(path.resolve('seed/scenarios'));
    const unknown = library
      .names()
      .flatMap((name) =>
        library
          .read(name)
          .exercises.flatMap((exercise) =>
            exercise.events.filter((type) => !source.includes(`'${type}'`)).map((type) => `${name}: ${exercise.id} ${type}`),
          ),
      );
    expect(unknown).toEqual([]);
  });
});

describe('the texts of the guide and the settings', () => {
  it('gives the MitID pages guide steps of their own: the user ID, the app, the code display, getting MitID', async () => {
    const { guideStepOf } = await import('../../server/exercises/guide-steps.ts');
    expect(
      Object.fromEntries(
        [
          '/login/mitid',
          '/login/mitid/app',
          '/login/mitid/code',
          '/login/mitid/code/show',
          '/login/mitid/password',
          '/mitid/activate',
          '/mitid/activate/done',
          '/mitid/get',
          '/login',
        ].map((path) => [path, guideStepOf(path)]),
      ),
    ).toEqual({
      '/login/mitid': 'mitidLogin',
      '/login/mitid/app': 'mitidApp',
      '/login/mitid/code': 'mitidCode',
      '/login/mitid/code/show': 'mitidCode',
      '/login/mitid/password': 'mitidCode',
      '/mitid/activate': 'mitidActivate',
      '/mitid/activate/done': 'mitidActivate',
      '/mitid/get': 'mitidGet',
      '/login': 'loginStart',
    });
  });

  it('has a title and points for every step of the guide, and every built key, in Danish, English and German', async () => {
    const { guideSteps } = await import('../../server/exercises/guide-steps.ts');
    const { readLocales, languages } = await import('../../server/common/i18n.ts');
    const resources = readLocales();
    const lookup = (lang: (typeof languages)[number], key: string) => {
      const [ns, rest] = key.split(':') as [string, string];
      return rest.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resources[lang][ns]);
    };
    const built = [
      ...guideSteps.map((step) => `guide:steps.${step}.title`),
      ...['normal', 'large', 'larger'].flatMap((size) => [`exercises:header.sizes.${size}`, `exercises:preferences.textSize.${size}`]),
      ...['normal', 'high'].map((contrast) => `exercises:preferences.contrast.${contrast}`),
      ...['on', 'off'].map((choice) => `exercises:preferences.guide.${choice}`),
      ...['textSize', 'contrast', 'guide'].map((group) => `exercises:preferences.${group}.legend`),
    ];
    for (const lang of languages) {
      for (const key of built) expect(lookup(lang, key), `${lang} ${key}`).toBeTypeOf('string');
      for (const step of guideSteps) expect(lookup(lang, `guide:steps.${step}.points`), `${lang} ${step}`).toHaveLength(3);
    }
  });
});
