import { describe, expect, it } from 'vitest';
import type { Citizen } from '../../server/citizen/types.ts';
import type { Context } from '../../server/context.ts';
import type { ExemptionForm } from '../../server/exemption/types.ts';
import { FakeTime, hours, seededContext } from '../helpers/context.ts';

const day = hours(24);
const granted: ExemptionForm = { idDocument: 'passport', reason: 'language', otherReason: null, corrects: null };

/** Mette's mailbox with letters of every kind the exemption treats differently. */
async function metteWithLetters() {
  const time = new FakeTime();
  const ctx = await seededContext({ time });
  const mette = ctx.citizens.findByIdentifier('mette.hansen')!;
  const now = ctx.clock.now(mette.classId);
  const letter = (sender: string, subject: string, at: number, read = false) =>
    ctx.mailbox.deliver(mette.id, { sender, subject, body: 'Tekst' }, { at, read });
  const ids = {
    tax: letter('skattestyrelsen', 'Ulæst fra Skattestyrelsen', now - 2 * day),
    benefits: letter('udbetaling-danmark', 'Ulæst fra Udbetaling Danmark', now - 10 * day),
    readMunicipality: letter('kommune', 'Læst fra kommunen', now - 3 * day, true),
    oldMunicipality: letter('kommune', 'Ulæst, 8 måneder gammel', now - 240 * day),
    su: letter('su-styrelsen', 'Ulæst fra SU-styrelsen', now - day),
    payslip: letter('arbejdsgiver', 'Lønseddel', now - day),
    comingTax: letter('skattestyrelsen', 'På vej fra Skattestyrelsen', now + 2 * day),
  };
  return { ctx, time, mette, ids };
}

const channelOf = (ctx: Context, citizen: Citizen, id: number) =>
  ctx.mailbox.arrivedLetters(citizen.id).find((letter) => letter.id === id)?.channel;

describe('exemption from Digital Post (R16-R21)', () => {
  it('is granted at once for one of the six reasons with valid ID, and sends unread letters of the last 6 months on paper (R17, R19)', async () => {
    const { ctx, time, mette, ids } = await metteWithLetters();
    const outcome = ctx.exemption.apply(mette, granted);
    if (outcome.kind !== 'decided') throw new Error(outcome.kind);
    expect(outcome.decision).toMatchObject({ decision: 'granted', rejections: [] });
    const moved = ctx.events.list({ citizenId: mette.id }).find((event) => event.type === 'letters-sent-as-paper')!;
    expect(moved.rule).toBe('R19');
    expect(moved.data.letterIds).toEqual(expect.arrayContaining([ids.tax, ids.benefits, ids.comingTax]));
    for (const stays of [ids.readMunicipality, ids.oldMunicipality, ids.su, ids.payslip]) expect(moved.data.letterIds).not.toContain(stays);
    expect(outcome.decision.lettersToPaper).toBe((moved.data.letterIds as number[]).length);
    expect(ctx.mailbox.mailboxOf(mette.id).exempt).toBe(true);
    expect(channelOf(ctx, mette, ids.tax)).toBe('paper');
    expect(channelOf(ctx, mette, ids.benefits)).toBe('paper');
    expect(channelOf(ctx, mette, ids.readMunicipality)).toBe('digital');
    expect(channelOf(ctx, mette, ids.oldMunicipality)).toBe('digital');
    expect(channelOf(ctx, mette, ids.su)).toBe('digital');
    expect(channelOf(ctx, mette, ids.payslip)).toBe('digital');
    time.advance(2 * day);
    expect(channelOf(ctx, mette, ids.comingTax)).toBe('paper');
    const rules = ctx.events.list({ citizenId: mette.id }).map((event) => `${event.type} ${event.rule}`);
    expect(rules).toEqual(expect.arrayContaining(['exemption-granted R17', 'letters-sent-as-paper R19']));
  });

  it('from then on delivers public letters on paper and SU-styrelsen digitally, until the citizen contacts SU-styrelsen (R20, R21)', async () => {
    const { ctx, mette } = await metteWithLetters();
    ctx.exemption.apply(mette, granted);
    const tax = ctx.mailbox.deliver(mette.id, { sender: 'skattestyrelsen', subject: 'Ny fra Skattestyrelsen', body: 'x' });
    const su = ctx.mailbox.deliver(mette.id, { sender: 'su-styrelsen', subject: 'Ny fra SU-styrelsen', body: 'x' });
    const shop = ctx.mailbox.deliver(mette.id, { sender: 'forsikring', subject: 'Ny fra forsikringen', body: 'x' });
    expect([channelOf(ctx, mette, tax), channelOf(ctx, mette, su), channelOf(ctx, mette, shop)]).toEqual(['paper', 'digital', 'digital']);

    const outside = ctx.exemption.status(mette).outside.map((entry) => entry.sender.key);
    expect(outside).toEqual(expect.arrayContaining(['su-styrelsen', 'arbejdsgiver', 'bank', 'forsikring']));
    expect(outside).not.toContain('skattestyrelsen');
    expect(ctx.exemption.contactSender(mette, 'skattestyrelsen')).toEqual({ kind: 'not-outside' });
    expect(ctx.exemption.contactSender(mette, 'su-styrelsen')).toMatchObject({ kind: 'contacted', sender: { name: 'SU-styrelsen' } });
    const suLater = ctx.mailbox.deliver(mette.id, { sender: 'su-styrelsen', subject: 'Senere fra SU-styrelsen', body: 'x' });
    expect(channelOf(ctx, mette, suLater)).toBe('paper');
    expect(channelOf(ctx, mette, shop)).toBe('digital');
    expect(ctx.events.list({ citizenId: mette.id }).some((event) => event.type === 'sender-contacted' && event.rule === 'R21')).toBe(true);
  });

  it('rejects without valid ID or without one of the six reasons, and a corrected application can be granted (R18)', async () => {
    const { ctx, mette, ids } = await metteWithLetters();
    const noId = ctx.exemption.apply(mette, { ...granted, idDocument: 'other' });
    const ownReason = ctx.exemption.apply(mette, {
      ...granted,
      idDocument: 'none',
      reason: 'other',
      otherReason: 'Jeg kan bedst lide papir',
    });
    if (noId.kind !== 'decided' || ownReason.kind !== 'decided') throw new Error('not decided');
    expect(noId.decision).toMatchObject({ decision: 'rejected', rejections: ['no-valid-id'] });
    expect(ownReason.decision).toMatchObject({ decision: 'rejected', rejections: ['no-valid-id', 'no-valid-reason'] });
    expect(ctx.mailbox.mailboxOf(mette.id).exempt).toBe(false);
    expect(channelOf(ctx, mette, ids.tax)).toBe('digital');

    const corrected = ctx.exemption.apply(mette, { ...granted, corrects: noId.decision.id });
    if (corrected.kind !== 'decided') throw new Error(corrected.kind);
    expect(corrected.decision).toMatchObject({ decision: 'granted', corrects: noId.decision.id });
    expect(ctx.exemption.apply(mette, granted)).toEqual({ kind: 'already-exempt' });
  });

  it('has no end date and ends only when the citizen applies to end it, with valid ID (R20)', async () => {
    const { ctx, time, mette } = await metteWithLetters();
    ctx.exemption.apply(mette, granted);
    time.advance(400 * day);
    expect(ctx.exemption.status(mette).grant).toBeDefined();
    const coming = ctx.mailbox.deliver(
      mette.id,
      { sender: 'kommune', subject: 'På vej fra kommunen', body: 'x' },
      { at: ctx.clock.now(mette.classId) + day },
    );

    expect(ctx.exemption.end(mette, 'none')).toEqual({ kind: 'no-valid-id' });
    expect(ctx.mailbox.mailboxOf(mette.id).exempt).toBe(true);
    expect(ctx.exemption.end(mette, 'driving-licence')).toEqual({ kind: 'ended', lettersBack: 1 });
    expect(ctx.mailbox.mailboxOf(mette.id).exempt).toBe(false);
    expect(ctx.exemption.status(mette).grant).toBeUndefined();
    const tax = ctx.mailbox.deliver(mette.id, { sender: 'skattestyrelsen', subject: 'Digital igen', body: 'x' });
    expect(channelOf(ctx, mette, tax)).toBe('digital');
    time.advance(day);
    expect(channelOf(ctx, mette, coming)).toBe('digital');
    expect(ctx.exemption.end(mette, 'passport')).toEqual({ kind: 'not-exempt' });
    expect(ctx.events.list({ citizenId: mette.id }).some((event) => event.type === 'exemption-ended' && event.rule === 'R20')).toBe(true);
  });

  it('works on the teacher scenario exemption-case: Skattestyrelsen and the municipality go on paper, SU-styrelsen stays digital', async () => {
    const ctx = await seededContext();
    const klass = await ctx.scenarios.load('exemption-case', { actor: 'system' });
    const trainee = ctx.citizens.listInClass(klass.id)[0]!;
    ctx.exemption.apply(trainee, granted);
    const channels = Object.fromEntries(ctx.mailbox.arrivedLetters(trainee.id).map((letter) => [letter.senderKey, letter.channel]));
    expect(channels).toMatchObject({ skattestyrelsen: 'paper', kommune: 'paper', 'su-styrelsen': 'digital' });
  });

  it('is gone after a reset, as the scenario gave none', async () => {
    const { ctx, mette } = await metteWithLetters();
    ctx.exemption.apply(mette, granted);
    ctx.scenarios.reset(mette.classId, { citizenId: mette.id });
    expect(ctx.mailbox.mailboxOf(mette.id).exempt).toBe(false);
    expect(ctx.exemption.status(mette).decisions).toEqual([]);
  });
});
