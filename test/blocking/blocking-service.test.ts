import { describe, expect, it } from 'vitest';
import { postArrival } from '../../server/blocking/temporary-password-service.ts';
import { FakeTime, codeForAskedKey, hours, seededContext } from '../helpers/context.ts';
import { citizenOf, day, deliverLetter, eventsOf, lettersOf, printedCardNumber, temporaryPasswordFromPost } from './helpers.ts';

const owner = { actor: 'trainee', channel: 'self-service' } as const;

describe('a block by the owner (R13, R14)', () => {
  it('refuses the login with the owner-block message, ends every session, and still delivers letters', async () => {
    const ctx = await seededContext();
    const mette = citizenOf(ctx, 'mette.hansen');
    const ended: number[][] = [];
    const original = ctx.sessionStore.endCitizenSessions.bind(ctx.sessionStore);
    ctx.sessionStore.endCitizenSessions = (ids) => {
      ended.push(ids);
      original(ids);
    };

    expect(ctx.selfService.block(mette.id, 'third-party')).toEqual({ ok: true });
    expect(ended).toContainEqual([mette.id]);
    expect(await ctx.login.checkPassword('mette.hansen', 'Hest2024')).toEqual({ kind: 'locked', code: 'USER', until: null });

    deliverLetter(ctx, 'mette.hansen', 'Ejendomsskat 2027');
    const subjects = lettersOf(ctx, 'mette.hansen').map((letter) => letter.subject);
    expect(subjects).toContain('Dit NemID er spærret');
    expect(subjects).toContain('Ejendomsskat 2027');
    expect(eventsOf(ctx, 'mette.hansen')).toContainEqual(
      expect.objectContaining({
        type: 'blocked',
        rule: 'R14',
        data: expect.objectContaining({ reason: 'third-party', channel: 'self-service' }),
      }),
    );
  });

  it('blocks a lost key card and sends no new card by itself', async () => {
    const time = new FakeTime();
    const ctx = await seededContext({ time });
    const mette = citizenOf(ctx, 'mette.hansen');
    ctx.selfService.block(mette.id, 'lost-card');
    expect(ctx.keycards.activeCard(mette.id)).toBeUndefined();
    expect(ctx.keycards.cardsOf(mette.id).map((card) => card.status)).toEqual(['blocked']);
    time.advance(30 * day);
    expect(ctx.keycards.cardOnItsWay(mette.id)).toBeUndefined();
    expect(ctx.keycards.cardsOf(mette.id)).toHaveLength(1);
  });

  it("writes the letter in Danish and in the citizen's own language", async () => {
    const ctx = await seededContext();
    ctx.selfService.block(citizenOf(ctx, 'ahmed.karimi').id, 'lost-card');
    const letter = ctx.mailbox
      .arrivedLetters(citizenOf(ctx, 'ahmed.karimi').id)
      .find((entry) => entry.subject.da === 'Dit NemID er spærret')!;
    expect(letter.subject.en).toBe('Your NemID is blocked');
    expect(letter.body.en).toContain('I have lost my key card');
    expect(letter.subject.de).toBeUndefined();
  });
});

describe('a forgotten password (SPEC: temporary password by post)', () => {
  it('blocks at once, arrives in the paper-post tray after 3-4 working days, and logging in with it opens NemID', async () => {
    const time = new FakeTime(); // Thursday 26 November 2026, 10:00 in Denmark
    const ctx = await seededContext({ time });
    const ordered = await ctx.temporaryPasswords.order('mette.hansen', printedCardNumber(ctx, 'mette.hansen'));
    expect(ordered.ok).toBe(true);
    expect(await ctx.login.checkPassword('mette.hansen', 'Hest2024')).toMatchObject({ kind: 'locked', code: 'USER' });

    const arrivals: (string | undefined)[] = [];
    for (let n = 1; n <= 5; n += 1) {
      time.advance(day);
      arrivals.push(temporaryPasswordFromPost(ctx, 'mette.hansen'));
    }
    // Fri, Sat, Sun, Mon: not yet; Tue (the 3rd working day): in the tray.
    expect(arrivals.slice(0, 4)).toEqual([undefined, undefined, undefined, undefined]);
    const temporary = arrivals[4]!;
    expect(temporary).toMatch(/^[A-Z][a-z]+\d{4}$/);

    expect(await ctx.login.checkPassword('mette.hansen', temporary)).toMatchObject({ kind: 'choose-password' });
    expect(await ctx.login.checkPassword('mette.hansen', 'Hest2024')).toMatchObject({ kind: 'wrong' });
    const mette = citizenOf(ctx, 'mette.hansen');
    expect(await ctx.login.choosePassword(mette.id, { password: 'Kaffe2468', repeat: 'Kaffe2468', userId: '' })).toEqual({ ok: true });
    expect(await ctx.login.checkPassword('mette.hansen', 'Kaffe2468')).toMatchObject({ kind: 'key' });
    const { code } = codeForAskedKey(ctx, 'mette.hansen');
    expect(ctx.login.answerKey(mette.id, code, 'mynemid').kind).toBe('ok');

    const subjects = lettersOf(ctx, 'mette.hansen').map((letter) => letter.subject);
    expect(subjects).toEqual(
      expect.arrayContaining(['Der er bestilt en midlertidig adgangskode', 'Dit NemID er åbnet igen', 'Din NemID-adgangskode er skiftet']),
    );
    expect(eventsOf(ctx, 'mette.hansen').map((event) => `${event.type} ${event.rule}`)).toEqual(
      expect.arrayContaining(['blocked R13', 'temporary-password-issued R13', 'unblocked R13']),
    );
  });

  it('posts an afternoon order a day later: 4 working days', () => {
    const morning = Date.UTC(2026, 10, 26, 9, 0); // 10:00 in Copenhagen
    const afternoon = Date.UTC(2026, 10, 26, 14, 0);
    expect(new Date(postArrival(morning)).getUTCDay()).toBe(2); // Tuesday
    expect(new Date(postArrival(afternoon)).getUTCDay()).toBe(3); // Wednesday
  });

  it('refuses a wrong card number without saying which part was wrong, and changes nothing', async () => {
    const ctx = await seededContext();
    const wrongCard = await ctx.temporaryPasswords.order('mette.hansen', '1-234-567-890');
    const wrongUser = await ctx.temporaryPasswords.order('nobody.here', printedCardNumber(ctx, 'mette.hansen'));
    expect(wrongCard).toEqual({ ok: false, message: 'blocking:temporary.mismatch' });
    expect(wrongUser).toEqual(wrongCard);
    expect(citizenOf(ctx, 'mette.hansen').state).toBe('active');
    expect(lettersOf(ctx, 'mette.hansen').filter((letter) => letter.subject.includes('adgangskode'))).toEqual([]);
  });

  it('does not open NemID with the temporary password before the letter has arrived', async () => {
    const time = new FakeTime();
    const ctx = await seededContext({ time });
    const mette = citizenOf(ctx, 'mette.hansen');
    await ctx.temporaryPasswords.sendByPost(mette.id, owner);
    // Read the letter still in the post, as nobody in the story can.
    const inThePost = ctx.db
      .prepare<[number], { body: string }>("SELECT body FROM letters WHERE citizen_id = ? AND channel = 'paper'")
      .get(mette.id)!;
    const temporary = /\n\n([A-Za-z]+\d+)\n\n/.exec(JSON.parse(inThePost.body).da)![1]!;
    expect(await ctx.login.checkPassword('mette.hansen', temporary)).toMatchObject({ kind: 'locked', code: 'USER' });
    time.advance(2 * day);
    expect(await ctx.login.checkPassword('mette.hansen', temporary)).toMatchObject({ kind: 'locked', code: 'USER' });
    time.advance(3 * day);
    expect(await ctx.login.checkPassword('mette.hansen', temporary)).toMatchObject({ kind: 'choose-password' });
  });
});

describe('the phone line (R14)', () => {
  const mette = { name: 'Mette Fiktiv Hansen', cpr: '120345-6789', identifier: '418203557' };

  it('refuses a wrong identification whatever part was wrong, and records it', async () => {
    const ctx = await seededContext();
    expect(ctx.support.identify({ ...mette, name: 'Mette Hansen' }, 'phone')).toBeUndefined();
    expect(ctx.support.identify({ ...mette, identifier: 'mette.hanse' }, 'phone')).toBeUndefined();
    expect(ctx.support.identify({ ...mette, cpr: '120345-6788' }, 'phone')).toBeUndefined();
    expect(
      eventsOf(ctx, 'mette.hansen').filter((event) => event.type === 'support-identification-failed' && event.rule === 'R14'),
    ).toHaveLength(2);
    expect(citizenOf(ctx, 'mette.hansen').state).toBe('active');
  });

  it('blocks at once once the caller is identified (by user ID too, in any case and spacing)', async () => {
    const ctx = await seededContext();
    const caller = ctx.support.identify({ name: '  mette  fiktiv HANSEN ', cpr: '1203456789', identifier: 'Mette.Hansen' }, 'phone')!;
    expect(caller.id).toBe(citizenOf(ctx, 'mette.hansen').id);
    expect(ctx.support.call(caller.id, 'lost-card')).toEqual({ kind: 'blocked' });
    expect(citizenOf(ctx, 'mette.hansen')).toMatchObject({ state: 'blocked', lockCode: 'USER' });
    expect(eventsOf(ctx, 'mette.hansen')).toContainEqual(
      expect.objectContaining({ type: 'blocked', rule: 'R14', data: expect.objectContaining({ channel: 'phone' }) }),
    );
    expect(ctx.support.needsCard(caller.id)).toBe(true);
  });
});

describe('support unblocks LOCK002 and LOCK003', () => {
  it('opens LOCK002 with a temporary password sent by post from the phone line', async () => {
    const time = new FakeTime();
    const ctx = await seededContext({ time });
    const lars = citizenOf(ctx, 'lars.berg');
    expect(ctx.support.call(lars.id, 'unblock')).toEqual({ kind: 'support-can-help', lockCode: 'LOCK002' });
    const sent = await ctx.support.sendTemporaryPassword(lars.id);
    expect(sent.ok).toBe(true);
    time.advance(6 * day);
    const temporary = temporaryPasswordFromPost(ctx, 'lars.berg')!;
    expect(await ctx.login.checkPassword('lars.berg', temporary)).toMatchObject({ kind: 'choose-password' });
  });

  it('opens LOCK003 at once at the desk against photo ID', async () => {
    const ctx = await seededContext();
    const piotr = citizenOf(ctx, 'piotr.nowak');
    const handed = await ctx.support.atDesk(piotr.id);
    expect(handed).toMatchObject({ ok: true, cardNumber: null });
    expect(handed.ok && (await ctx.login.checkPassword('piotr.nowak', handed.password))).toMatchObject({ kind: 'choose-password' });
    expect(citizenOf(ctx, 'piotr.nowak')).toMatchObject({ state: 'active', wrongKeyCount: 0 });
  });

  it('lets LOCK001 end by itself after 8 hours, without support', async () => {
    const time = new FakeTime();
    const ctx = await seededContext({ time });
    time.advance(hours(8));
    expect(await ctx.login.checkPassword('karen.olsen', 'Skov3579')).toMatchObject({ kind: 'key' });
    // The lock ended by time, not by anything Karen did: the clock is its actor, so it is no activity of hers.
    const karen = ctx.citizens.findByIdentifier('karen.olsen')!;
    expect(
      ctx.events
        .list({ citizenId: karen.id })
        .filter((event) => event.type === 'lock-expired')
        .map((event) => event.actor),
    ).toEqual(['system']);
  });
});
