import { describe, expect, it } from 'vitest';
import { FakeTime, hours, seededContext } from '../helpers/context.ts';

describe('delivering letters (R8)', () => {
  it('gives every NemID holder a mailbox, also after a reset', async () => {
    const ctx = await seededContext();
    const mette = ctx.citizens.findByIdentifier('mette.hansen')!;
    expect(ctx.mailbox.mailboxOf(mette.id)).toMatchObject({ citizenId: mette.id, exempt: false });
    ctx.scenarios.reset(mette.classId, { citizenId: mette.id });
    expect(ctx.mailbox.mailboxOf(mette.id).citizenId).toBe(mette.id);
  });

  it('delivers to the digital mailbox and writes an event', async () => {
    const ctx = await seededContext();
    const mette = ctx.citizens.findByIdentifier('mette.hansen')!;
    const id = ctx.mailbox.deliver(mette.id, { sender: 'Nets DanID', subject: 'Dit NemID er spærret', body: 'Tekst' });
    const letter = ctx.mailbox.arrivedLetters(mette.id).find((l) => l.id === id)!;
    expect(letter).toMatchObject({ channel: 'digital', senderName: 'Nets DanID', subject: { da: 'Dit NemID er spærret' }, readAt: null });
    expect(ctx.events.list({ citizenId: mette.id }).at(-1)).toMatchObject({ type: 'letter-delivered', data: { letterId: id } });
  });

  it('sends paper post to the tray, arriving later on the class clock', async () => {
    const time = new FakeTime();
    const ctx = await seededContext({ time });
    const mette = ctx.citizens.findByIdentifier('mette.hansen')!;
    const at = ctx.clock.now(mette.classId) + hours(72);
    const id = ctx.mailbox.sendPaperPost(mette.id, { sender: 'Nets DanID', subject: 'Midlertidig adgangskode', body: 'abc123' }, { at });
    expect(ctx.mailbox.arrivedLetters(mette.id).some((l) => l.id === id)).toBe(false);
    time.advance(hours(72));
    expect(ctx.mailbox.arrivedLetters(mette.id).find((l) => l.id === id)).toMatchObject({ channel: 'paper', deliveredAt: at });
    expect(ctx.events.list({ citizenId: mette.id }).at(-1)).toMatchObject({ type: 'paper-post-sent' });
  });
});
