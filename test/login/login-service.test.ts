import { describe, expect, it } from 'vitest';
import { FakeTime, codeForAskedKey, hours, seededContext } from '../helpers/context.ts';

async function passwordStep(ctx: Awaited<ReturnType<typeof seededContext>>, identifier: string, password: string) {
  return ctx.login.checkPassword(identifier, password);
}

describe('the three-part login (R4)', () => {
  it('accepts the user ID, the CPR number or the NemID number with the password', async () => {
    const ctx = await seededContext();
    for (const identifier of ['mette.hansen', 'METTE.HANSEN', '120345-6789', '1203456789', '418203557']) {
      expect((await passwordStep(ctx, identifier, 'Hest2024')).kind).toBe('key');
    }
  });

  it('treats the password as not case-sensitive', async () => {
    const ctx = await seededContext();
    expect((await passwordStep(ctx, 'mette.hansen', 'hEST2024')).kind).toBe('key');
  });

  it('says how many tries are left after a wrong password, by the lockout rule, and has no count for an unknown user ID', async () => {
    const ctx = await seededContext();
    expect(await passwordStep(ctx, 'nobody.here', 'Hest2024')).toEqual({ kind: 'wrong' });
    // passwordTries 5: LOCK001 at the fifth wrong password.
    expect(await passwordStep(ctx, 'mette.hansen', 'Wrong1234')).toEqual({ kind: 'wrong', triesLeft: 4 });
    expect(await passwordStep(ctx, 'mette.hansen', 'Wrong1235')).toEqual({ kind: 'wrong', triesLeft: 3 });
    expect(await passwordStep(ctx, 'mette.hansen', 'Wrong1236')).toEqual({ kind: 'wrong', triesLeft: 2 });
    expect(await passwordStep(ctx, 'mette.hansen', 'Wrong1237')).toEqual({ kind: 'wrong', triesLeft: 1 });
    expect(await passwordStep(ctx, 'mette.hansen', 'Wrong1238')).toMatchObject({ kind: 'locked', code: 'LOCK001' });
    // After the 8 hours, passwordTriesAfterTemporaryLock 3: LOCK002 at the third.
    const mette = ctx.citizens.findByIdentifier('mette.hansen')!;
    ctx.clock.advance(mette.classId, 8 * 3_600_000);
    expect(await passwordStep(ctx, 'mette.hansen', 'Wrong1239')).toEqual({ kind: 'wrong', triesLeft: 2 });
    expect(await passwordStep(ctx, 'mette.hansen', 'Wrong1240')).toEqual({ kind: 'wrong', triesLeft: 1 });
    expect(await passwordStep(ctx, 'mette.hansen', 'Wrong1241')).toMatchObject({ kind: 'locked', code: 'LOCK002' });
  });

  it('asks the same key on every reload until it is answered', async () => {
    const ctx = await seededContext();
    const mette = ctx.citizens.findByIdentifier('mette.hansen')!;
    await passwordStep(ctx, 'mette.hansen', 'Hest2024');
    const first = ctx.login.challenge(mette.id);
    expect(ctx.login.challenge(mette.id)).toEqual(first);
    await passwordStep(ctx, 'mette.hansen', 'Hest2024');
    expect(ctx.login.challenge(mette.id)).toEqual(first);
  });

  it('logs in with the printed code and never accepts that key again', async () => {
    const ctx = await seededContext();
    const mette = ctx.citizens.findByIdentifier('mette.hansen')!;
    await passwordStep(ctx, 'mette.hansen', 'Hest2024');
    const { key, code } = codeForAskedKey(ctx, 'mette.hansen');
    expect(ctx.login.answerKey(mette.id, code, 'mynemid').kind).toBe('ok');

    await passwordStep(ctx, 'mette.hansen', 'Hest2024');
    const next = ctx.login.challenge(mette.id);
    expect('keyNumber' in next && next.keyNumber).not.toBe(key);
    const replay = ctx.login.answerKey(mette.id, code, 'mynemid');
    expect(replay).toMatchObject({ kind: 'wrong', typedCodeOf: { key, used: true } });
  });

  it('tells which key a code belongs to when the trainee read the wrong line', async () => {
    const ctx = await seededContext();
    const mette = ctx.citizens.findByIdentifier('mette.hansen')!;
    await passwordStep(ctx, 'mette.hansen', 'Hest2024');
    const asked = codeForAskedKey(ctx, 'mette.hansen').key;
    const card = ctx.keycards.activeCard(mette.id)!;
    const other = ctx.keycards.printed(card).find((entry) => entry.key !== asked && !entry.used)!;
    expect(ctx.login.answerKey(mette.id, other.code, 'mynemid')).toMatchObject({
      kind: 'wrong',
      askedKey: asked,
      typedCodeOf: { key: other.key, used: false },
      triesLeft: 2,
    });
  });
});

describe('lockout (SPEC: LOCK001, LOCK002, LOCK003)', () => {
  it('locks the NemID for 8 hours after the fifth wrong password, and opens it again after 8 hours', async () => {
    const time = new FakeTime();
    const ctx = await seededContext({ time });
    for (let i = 1; i <= 4; i += 1) expect((await passwordStep(ctx, 'mette.hansen', `Wrong${i}x`)).kind).toBe('wrong');
    expect(await passwordStep(ctx, 'mette.hansen', 'Wrong5x')).toMatchObject({ kind: 'locked', code: 'LOCK001' });
    expect(await passwordStep(ctx, 'mette.hansen', 'Hest2024')).toMatchObject({ kind: 'locked', code: 'LOCK001' });

    time.advance(hours(7.9));
    expect((await passwordStep(ctx, 'mette.hansen', 'Hest2024')).kind).toBe('locked');
    time.advance(hours(0.2));
    expect((await passwordStep(ctx, 'mette.hansen', 'Hest2024')).kind).toBe('key');
  });

  it('blocks with LOCK002 after three more wrong passwords following a temporary lock', async () => {
    const time = new FakeTime();
    const ctx = await seededContext({ time });
    for (let i = 0; i < 5; i += 1) await passwordStep(ctx, 'mette.hansen', 'Wrong1x');
    time.advance(hours(8));
    expect((await passwordStep(ctx, 'mette.hansen', 'Wrong2x')).kind).toBe('wrong');
    expect((await passwordStep(ctx, 'mette.hansen', 'Wrong3x')).kind).toBe('wrong');
    expect(await passwordStep(ctx, 'mette.hansen', 'Wrong4x')).toMatchObject({ kind: 'locked', code: 'LOCK002', until: null });
    time.advance(hours(100));
    expect(await passwordStep(ctx, 'mette.hansen', 'Hest2024')).toMatchObject({ kind: 'locked', code: 'LOCK002' });
  });

  it('blocks with LOCK003 after the third wrong key code', async () => {
    const ctx = await seededContext();
    const mette = ctx.citizens.findByIdentifier('mette.hansen')!;
    await passwordStep(ctx, 'mette.hansen', 'Hest2024');
    expect(ctx.login.answerKey(mette.id, '000000', 'mynemid')).toMatchObject({ kind: 'wrong', triesLeft: 2 });
    expect(ctx.login.answerKey(mette.id, '000001', 'mynemid')).toMatchObject({ kind: 'wrong', triesLeft: 1 });
    expect(ctx.login.answerKey(mette.id, '000002', 'mynemid')).toMatchObject({ kind: 'locked', code: 'LOCK003' });
    expect(await passwordStep(ctx, 'mette.hansen', 'Hest2024')).toMatchObject({ kind: 'locked', code: 'LOCK003' });
  });

  it('takes the counts from the scenario settings', async () => {
    const ctx = await seededContext();
    const demo = ctx.classes.findByCode('DEMO')!;
    ctx.classes.updateScenario(demo.id, 'default', { ...demo.settings, passwordTries: 2 }, null);
    await passwordStep(ctx, 'mette.hansen', 'Wrong1x');
    expect(await passwordStep(ctx, 'mette.hansen', 'Wrong2x')).toMatchObject({ kind: 'locked', code: 'LOCK001' });
  });

  it('counts 20 simultaneous wrong passwords exactly and locks once, at the threshold', async () => {
    const ctx = await seededContext();
    const mette = ctx.citizens.findByIdentifier('mette.hansen')!;
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => passwordStep(ctx, 'mette.hansen', 'Wrong1x')));
    expect(ctx.citizens.findById(mette.id)!.wrongPasswordCount).toBe(20);
    const locks = ctx.events.list({ citizenId: mette.id }).filter((event) => event.type === 'locked');
    expect(locks).toHaveLength(1);
    expect(locks[0]!.rule).toBe('LOCK001');
    expect(outcomes.filter((outcome) => outcome.kind === 'wrong')).toHaveLength(4);
  });

  it('accepts one code once even when it is posted 50 times at once', async () => {
    const ctx = await seededContext();
    const mette = ctx.citizens.findByIdentifier('mette.hansen')!;
    await passwordStep(ctx, 'mette.hansen', 'Hest2024');
    const { code } = codeForAskedKey(ctx, 'mette.hansen');
    const outcomes = await Promise.all(Array.from({ length: 50 }, async () => ctx.login.answerKey(mette.id, code, 'mynemid')));
    expect(outcomes.filter((outcome) => outcome.kind === 'ok')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.kind === 'stale')).toHaveLength(49);
    expect(ctx.citizens.findById(mette.id)!.state).toBe('active');
  });
});

describe('first login (activation)', () => {
  it('takes the temporary password, then a chosen password, then a key', async () => {
    const ctx = await seededContext();
    const olu = ctx.citizens.findByIdentifier('741852963')!;
    expect((await passwordStep(ctx, '741852963', 'velkommen81')).kind).toBe('choose-password');
    const result = await ctx.login.choosePassword(olu.id, { password: 'Solskin77', repeat: 'Solskin77', userId: 'olu.adeyemi' });
    expect(result).toEqual({ ok: true });
    expect((await passwordStep(ctx, 'olu.adeyemi', 'solskin77')).kind).toBe('key');
    expect(await passwordStep(ctx, '741852963', 'velkommen81')).toMatchObject({ kind: 'wrong' });
  });

  it('explains every broken password rule and keeps the temporary password working', async () => {
    const ctx = await seededContext();
    const olu = ctx.citizens.findByIdentifier('741852963')!;
    const result = await ctx.login.choosePassword(olu.id, { password: 'aaaa741852963', repeat: 'other', userId: '12345' });
    expect(result).toEqual({
      ok: false,
      errors: {
        password: ['credentials:password.repeated', 'credentials:password.containsNumber'],
        repeat: ['credentials:password.repeatDiffers'],
        userId: ['credentials:userId.looksLikeNumber'],
      },
    });
    expect((await passwordStep(ctx, '741852963', 'velkommen81')).kind).toBe('choose-password');
  });

  it('refuses a user ID someone else has', async () => {
    const ctx = await seededContext();
    const olu = ctx.citizens.findByIdentifier('741852963')!;
    const result = await ctx.login.choosePassword(olu.id, { password: 'Solskin77', repeat: 'Solskin77', userId: 'Mette.Hansen' });
    expect(result).toEqual({ ok: false, errors: { userId: ['credentials:userId.taken'] } });
  });
});

describe('key card renewal', () => {
  it('sends a new card when 20 keys are left and switches to it after it arrives', async () => {
    const time = new FakeTime();
    const ctx = await seededContext({ time });
    const jens = ctx.citizens.findByIdentifier('jens.nielsen')!;
    const oldCard = ctx.keycards.activeCard(jens.id)!;
    expect(ctx.keycards.keysLeft(oldCard)).toBe(21);

    await passwordStep(ctx, 'jens.nielsen', 'Cykel8642');
    const first = ctx.login.answerKey(jens.id, codeForAskedKey(ctx, 'jens.nielsen').code, 'mynemid');
    expect(first).toMatchObject({ kind: 'ok', renewedCard: { status: 'sent', reason: 'renewal' } });
    const newCard = ctx.keycards.cardOnItsWay(jens.id)!;

    // Before it arrives, the old card is still asked.
    await passwordStep(ctx, 'jens.nielsen', 'Cykel8642');
    expect(ctx.login.challenge(jens.id)).toMatchObject({ cardNumber: oldCard.cardNumber, isNewCard: false });
    ctx.login.answerKey(jens.id, codeForAskedKey(ctx, 'jens.nielsen').code, 'mynemid');

    time.advance(hours(24 * 7));
    await passwordStep(ctx, 'jens.nielsen', 'Cykel8642');
    expect(ctx.login.challenge(jens.id)).toMatchObject({ cardNumber: newCard.cardNumber, isNewCard: true });
    expect(ctx.login.answerKey(jens.id, codeForAskedKey(ctx, 'jens.nielsen').code, 'mynemid')).toMatchObject({
      kind: 'ok',
      switchedToNewCard: true,
    });
    expect(ctx.keycards.activeCard(jens.id)!.cardNumber).toBe(newCard.cardNumber);
    expect(ctx.keycards.cardsOf(jens.id).find((card) => card.id === oldCard.id)!.status).toBe('replaced');
    expect(ctx.keycards.cardOnItsWay(jens.id)).toBeUndefined();
  });
});

describe('the event log', () => {
  it('writes who, what, which rule and the class-clock time for each step', async () => {
    const time = new FakeTime();
    const ctx = await seededContext({ time });
    const mette = ctx.citizens.findByIdentifier('mette.hansen')!;
    ctx.clock.advance(mette.classId, hours(2));
    const seeded = ctx.events.list({ citizenId: mette.id }).length;
    await passwordStep(ctx, 'mette.hansen', 'Hest2024');
    ctx.login.answerKey(mette.id, codeForAskedKey(ctx, 'mette.hansen').code, 'mynemid');
    const events = ctx.events.list({ citizenId: mette.id }).slice(seeded);
    expect(events.map((event) => [event.type, event.rule, event.actor])).toEqual([
      ['password-ok', 'R4', 'trainee'],
      ['key-used', 'R4', 'trainee'],
      ['login-ok', 'R2', 'trainee'],
    ]);
    expect(events.every((event) => event.at === time.ms + hours(2))).toBe(true);
  });
});
