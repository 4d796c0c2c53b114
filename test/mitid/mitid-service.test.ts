import { describe, expect, it } from 'vitest';
import { translator } from '../../server/common/i18n.ts';
import { describeProblem } from '../../server/scenario/scenario-problems.ts';
import { mitidPasswordProblems, mitidUserIdProblems } from '../../server/mitid/mitid-credentials.ts';
import { FakeTime, testContext } from '../helpers/context.ts';
import { problemsOf } from '../helpers/scenario.ts';

async function mitidClass() {
  const time = new FakeTime();
  const ctx = testContext({ time });
  await ctx.scenarios.load('mitid-login', { actor: 'system' });
  const idOf = (userId: string) => ctx.mitid.citizenOf(userId);
  return { ctx, time, idOf };
}

describe('MitID identities', () => {
  it('gives a scenario’s trainees NemID, MitID or both, and a reset restores them', async () => {
    const { ctx, idOf } = await mitidClass();
    const sofie = idOf('SOFIE.LUND')!; // upper or lower case make no difference [S1]
    const karen = idOf('karen.mitid')!;
    expect(ctx.mitid.kindOf(sofie)).toBe('mitid');
    expect(ctx.mitid.kindOf(karen)).toBe('both');
    expect(ctx.mitid.authenticators(idOf('grace.owusu')!).map((device) => device.kind)).toEqual(['app', 'code-display']);
    const mette = testContext();
    await mette.scenarios.load('default', { actor: 'system' });
    expect(mette.mitid.kindOf(mette.citizens.findByIdentifier('mette.hansen')!.id)).toBe('nemid');

    ctx.scenarios.reset(ctx.classes.findByCode('MITID')!.id);
    expect(ctx.mitid.identityOf(sofie)?.userId).toBe('sofie.lund');
    expect(ctx.mitid.kindOf(karen)).toBe('both');
  });

  it('keeps a MitID-only trainee out of the NemID login, and lets a holder of both use NemID', async () => {
    const { ctx } = await mitidClass();
    const sofie = ctx.citizens.findById(ctx.mitid.citizenOf('sofie.lund')!)!;
    expect(await ctx.login.checkPassword(sofie.nemidNumber, 'Cykel2468')).toEqual({ kind: 'wrong' });
    expect((await ctx.login.checkPassword('karen.holm', 'Kage2023')).kind).toBe('key');
  });
});

describe('the MitID app', () => {
  it('approves or rejects a request that names the service, once', async () => {
    const { ctx, idOf } = await mitidClass();
    const sofie = idOf('sofie.lund')!;
    const request = ctx.mitid.requestApproval(sofie, 'post');
    expect(request).toMatchObject({ service: 'post', action: 'LOG_ON', state: 'pending' });
    expect(ctx.mitid.decide(sofie, request.id, 'approved').kind).toBe('approved');
    expect(ctx.mitid.decide(sofie, request.id, 'rejected').kind).toBe('gone');
    const second = ctx.mitid.requestApproval(sofie, 'tax');
    expect(ctx.mitid.decide(sofie, second.id, 'rejected').kind).toBe('rejected');
    expect(ctx.events.latestOf(sofie, ['mitid-rejected'], 1)[0]).toMatchObject({ rule: 'M2', data: { service: 'tax' } });
    // Another trainee cannot decide it.
    expect(ctx.mitid.decide(idOf('karen.mitid')!, ctx.mitid.requestApproval(sofie, 'post').id, 'approved').kind).toBe('gone');
  });

  it('times the request out after the setting’s seconds on the class clock', async () => {
    const { ctx, time, idOf } = await mitidClass();
    const sofie = idOf('sofie.lund')!;
    const request = ctx.mitid.requestApproval(sofie, 'post');
    time.advance(299_000);
    expect(ctx.mitid.request(sofie, request.id)?.state).toBe('pending');
    time.advance(1_000);
    expect(ctx.mitid.decide(sofie, request.id, 'approved').kind).toBe('expired');
    expect(ctx.events.latestOf(sofie, ['mitid-request-expired'], 1)[0]).toMatchObject({ rule: 'M3', actor: 'system' });
  });
});

describe('the code display', () => {
  it('takes each code once, and only the code on its screen', async () => {
    const { ctx, idOf } = await mitidClass();
    const jonas = idOf('jonas.weber')!;
    const shown = ctx.mitid.showCode(jonas);
    if (!('code' in shown)) throw new Error('no code shown');
    expect(shown.code).toMatch(/^\d{6}$/);
    expect(ctx.mitid.checkCode(jonas, shown.code)).toEqual({ kind: 'ok' });
    expect(ctx.mitid.checkCode(jonas, shown.code)).toEqual({ kind: 'wrong', reason: 'used', triesLeft: 2 });
    const next = ctx.mitid.showCode(jonas) as { code: string };
    expect(next.code).not.toBe(shown.code);
    expect(ctx.mitid.checkCode(jonas, next.code)).toEqual({ kind: 'ok' }); // a right code ends the count
  });

  it('blocks the device temporarily after 3 wrong codes in a row, until its minutes have passed', async () => {
    const { ctx, time, idOf } = await mitidClass();
    const jonas = idOf('jonas.weber')!;
    const shown = ctx.mitid.showCode(jonas) as { code: string };
    const wrong = shown.code === '000000' ? '111111' : '000000';
    expect(ctx.mitid.checkCode(jonas, wrong)).toMatchObject({ kind: 'wrong', triesLeft: 2 });
    expect(ctx.mitid.checkCode(jonas, wrong)).toMatchObject({ kind: 'wrong', triesLeft: 1 });
    expect(ctx.mitid.checkCode(jonas, wrong).kind).toBe('suspended');
    expect(ctx.mitid.checkCode(jonas, shown.code).kind).toBe('suspended');
    expect(ctx.events.latestOf(jonas, ['mitid-code-display-suspended'], 1)[0]?.rule).toBe('M5');
    time.advance(15 * 60_000);
    const fresh = ctx.mitid.showCode(jonas) as { code: string };
    expect(ctx.mitid.checkCode(jonas, fresh.code)).toEqual({ kind: 'ok' });
    expect(ctx.events.latestOf(jonas, ['mitid-block-expired'], 1)).toHaveLength(1);
  });
});

describe('MitID’s own rules in a scenario', () => {
  it('checks the user ID and password by MitID’s rules', () => {
    expect(mitidUserIdProblems('abc')).toEqual(['mitid:userIdRules.length']);
    expect(mitidUserIdProblems('søren åby')).toEqual([]);
    expect(mitidUserIdProblems('1203456789')).toEqual(['mitid:userIdRules.cpr']);
    expect(mitidUserIdProblems(' anna')).toContain('mitid:userIdRules.spaces');
    expect(mitidUserIdProblems('anna<b>')).toEqual(['mitid:userIdRules.characters']);
    expect(mitidPasswordProblems('Adgangskode1', 'anna.lund')).toEqual(['mitid:passwordRules.word']);
    expect(mitidPasswordProblems('qwertyui9', 'anna.lund')).toEqual(['mitid:passwordRules.keyboard']);
  });

  it('says clearly what is wrong with a MitID trainee, in the teacher’s language', () => {
    const head = 'title: L\ndescription: L\nclass: { code: LESSON, name: Lesson }\nidentity: mitid\ntrainees:\n';
    const device = problemsOf(`${head}  - { name: Ida Fiktiv Lund, authenticators: [app, kodeviser] }\n`)[0]!;
    expect(device).toMatchObject({ field: 'trainees[0].authenticators[1]', typed: 'kodeviser' });
    expect(describeProblem(device, translator('en')).fit).toBe('One of: app, code-display.');
    const problems = problemsOf(
      `${head}  - { name: Ida Fiktiv Lund, mitidUserId: "1234" }\n  - { name: Ole Fiktiv Holm, identity: nemid, mitidPassword: Hest20244 }\n`,
    );
    const userId = problems.find((problem) => problem.field === 'trainees[0].mitidUserId')!;
    expect(describeProblem(userId, translator('da')).fit).toBe(
      'Et MitID-bruger-id, der følger MitIDs regler: Et MitID-bruger-id har 5-48 tegn.',
    );
    const stray = problems.find((problem) => problem.field === 'trainees[1].mitidPassword')!;
    expect(describeProblem(stray, translator('en')).fit).toBe(
      'Only for a trainee with MitID: set identity to mitid or both (for the trainee or the whole scenario).',
    );
  });
});
