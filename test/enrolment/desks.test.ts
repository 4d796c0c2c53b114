import { describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../server/common/clock.ts';
import type { Context } from '../../server/context.ts';
import type { DeskApplication, DeskCheck } from '../../server/enrolment/types.ts';
import { FakeTime, seededContext } from '../helpers/context.ts';

/** Everything the rules of R6 ask for; each test takes one thing away. */
const complete = (): DeskApplication => ({
  hasCpr: true,
  bringsId: true,
  bringsCprDocument: true,
  witness: { name: 'Karen Fiktiv Holm', age: 34, cpr: '1203456789', bringsId: true, signsDeclaration: true },
});

const visit = { ownerTokenHash: 'a'.repeat(64) };

function withWitness(change: Partial<NonNullable<DeskApplication['witness']>>): DeskApplication {
  const application = complete();
  return { ...application, witness: { ...application.witness!, ...change } };
}

const refusals: [string, DeskApplication, DeskCheck][] = [
  ['the applicant has no CPR number', { ...complete(), hasCpr: false }, 'applicant-cpr'],
  ['the applicant brings no ID', { ...complete(), bringsId: false }, 'applicant-id'],
  ['the applicant brings no document with the CPR number', { ...complete(), bringsCprDocument: false }, 'applicant-cpr-document'],
  ['the witness is under 18', withWitness({ age: 17 }), 'witness-adult'],
  ['the witness has no Danish CPR number', withWitness({ cpr: null }), 'witness-cpr'],
  ['the witness brings no ID', withWitness({ bringsId: false }), 'witness-id'],
  ['the witness does not sign the declaration on honour', withWitness({ signsDeclaration: false }), 'witness-declaration'],
];

const classCount = (ctx: Context) => ctx.classes.listClasses().length;

describe('applying for NemID at Borgerservice (R6)', () => {
  it.each(refusals)('refuses when %s, with that reason, and issues nothing', async (_, application, reason) => {
    const ctx = await seededContext();
    const before = classCount(ctx);
    const outcome = await ctx.enrolment.apply('borgerservice', application, visit);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.checks.filter((check) => !check.ok).map((check) => check.check)).toEqual([reason]);
    expect(outcome.checks).toHaveLength(7);
    expect(classCount(ctx)).toBe(before);
    expect(ctx.events.list({}).at(-1)).toMatchObject({
      type: 'nemid-refused',
      rule: 'R6',
      data: { desk: 'borgerservice', failed: [reason] },
    });
  });

  it('accepts a witness of exactly 18', async () => {
    const ctx = await seededContext();
    expect((await ctx.enrolment.apply('borgerservice', withWitness({ age: 18 }), visit)).ok).toBe(true);
  });

  it('hands over NemID on the spot with a temporary password, a key card and a mailbox (R8) that works for public services', async () => {
    const ctx = await seededContext();
    const outcome = await ctx.enrolment.apply('borgerservice', complete(), visit);
    if (!outcome.ok) throw new Error('refused');
    const { citizen } = outcome;
    expect(citizen.state).toBe('pending');
    expect(ctx.classes.findById(citizen.classId)).toMatchObject({
      kind: 'selfstudy',
      scenario: 'nemid-borgerservice',
      ownerTokenHash: visit.ownerTokenHash,
    });
    expect(ctx.citizens.blueprintOf(citizen.id).knownPassword).toMatch(/^[A-Z][a-z]+\d{4}$/);
    expect(ctx.keycards.activeCard(citizen.id)).toBeDefined();
    expect(ctx.mailbox.mailboxOf(citizen.id)).toMatchObject({ exempt: false });
    expect(ctx.enrolment.hasPublicAccess(citizen.id)).toBe(true);
    const letters = ctx.mailbox.arrivedLetters(citizen.id);
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({
      channel: 'digital',
      senderName: 'Fiktiv Kommune, Borgerservice',
      subject: { en: 'Welcome to your digital mailbox' },
    });
    const types = ctx.events.list({ citizenId: citizen.id }).map((event) => `${event.type} ${event.rule}`);
    expect(types).toEqual(expect.arrayContaining(['nemid-issued R6', 'mailbox-created R8', 'letter-delivered R8']));
  });

  it('replaces the visitor’s earlier practice identity', async () => {
    const ctx = await seededContext();
    const first = await ctx.enrolment.apply('borgerservice', complete(), visit);
    if (!first.ok) throw new Error('refused');
    const second = await ctx.enrolment.apply('bank', complete(), {
      ...visit,
      ownerTokenHash: 'b'.repeat(64),
      replacesClassId: first.citizen.classId,
    });
    expect(second.ok).toBe(true);
    expect(ctx.classes.findById(first.citizen.classId)).toBeUndefined();
    expect(ctx.citizens.findById(first.citizen.id)).toBeUndefined();
  });
});

describe('applying for NemID at a bank (R7)', () => {
  it.each(refusals.slice(0, 3))('refuses when %s', async (_, application, reason) => {
    const ctx = await seededContext();
    const outcome = await ctx.enrolment.apply('bank', application, visit);
    if (outcome.ok) throw new Error('issued');
    expect(outcome.checks.map((check) => check.check)).toEqual(['applicant-cpr', 'applicant-id', 'applicant-cpr-document']);
    expect(outcome.checks.filter((check) => !check.ok).map((check) => check.check)).toEqual([reason]);
    expect(ctx.events.list({}).at(-1)).toMatchObject({ type: 'nemid-refused', rule: 'R7' });
  });

  it('needs no witness, sends the welcome letter by post and keeps public self-service closed until the bank activates it', async () => {
    const time = new FakeTime();
    const ctx = await seededContext({ time });
    const outcome = await ctx.enrolment.apply('bank', { hasCpr: true, bringsId: true, bringsCprDocument: true }, visit);
    if (!outcome.ok) throw new Error('refused');
    const { citizen } = outcome;
    const issuedAt = ctx.clock.now(citizen.classId);
    expect(ctx.enrolment.hasPublicAccess(citizen.id)).toBe(false);
    expect(ctx.publicAccess.refuses(citizen, 'post')).toBe(true);
    expect(ctx.publicAccess.refuses(citizen, 'bank')).toBe(false);
    expect(ctx.mailbox.arrivedLetters(citizen.id).filter((letter) => letter.channel === 'paper')).toEqual([]);
    const arrives = addWorkingDays(issuedAt, 3);
    expect(ctx.mailbox.nextPaperPostAt(citizen.id)).toBe(arrives);

    time.advance(arrives - issuedAt);
    const welcome = ctx.mailbox.arrivedLetters(citizen.id).find((letter) => letter.channel === 'paper')!;
    expect(welcome.senderName).toBe('Fiktiv Bank A/S');
    expect(welcome.body.da).toContain(citizen.nemidNumber);
    expect(welcome.body.da).toContain(ctx.citizens.blueprintOf(citizen.id).knownPassword);

    expect(ctx.enrolment.activatePublicAccess(citizen, false)).toEqual({ ok: false, reason: 'no-id' });
    expect(ctx.enrolment.hasPublicAccess(citizen.id)).toBe(false);
    expect(ctx.enrolment.activatePublicAccess(citizen, true)).toEqual({ ok: true });
    expect(ctx.publicAccess.refuses(citizen, 'post')).toBe(false);
    expect(ctx.enrolment.activatePublicAccess(citizen, true)).toEqual({ ok: false, reason: 'already-active' });
    const rules = ctx.events.list({ citizenId: citizen.id }).map((event) => `${event.type} ${event.rule}`);
    expect(rules).toEqual(
      expect.arrayContaining([
        'nemid-issued R7',
        'public-access-refused R7',
        'public-access-activation-refused R7',
        'public-access-activated R7',
      ]),
    );
  });

  it('is a bank NemID again after a reset: not activated, the letter on its way once more', async () => {
    const ctx = await seededContext();
    const outcome = await ctx.enrolment.apply('bank', { hasCpr: true, bringsId: true, bringsCprDocument: true }, visit);
    if (!outcome.ok) throw new Error('refused');
    ctx.enrolment.activatePublicAccess(outcome.citizen, true);
    ctx.scenarios.reset(outcome.citizen.classId, { actor: 'trainee' });
    expect(ctx.enrolment.hasPublicAccess(outcome.citizen.id)).toBe(false);
    expect(ctx.mailbox.nextPaperPostAt(outcome.citizen.id)).not.toBeNull();
  });

  it('gives the trainees of the scenario bank-nemid-not-activated a bank NemID not yet activated', async () => {
    const ctx = await seededContext();
    const klass = await ctx.scenarios.load('bank-nemid-not-activated', { actor: 'system' });
    for (const trainee of ctx.citizens.listInClass(klass.id)) expect(ctx.enrolment.hasPublicAccess(trainee.id)).toBe(false);
    const mette = ctx.citizens.findByIdentifier('mette.hansen')!;
    expect(ctx.enrolment.hasPublicAccess(mette.id)).toBe(true);
  });
});
