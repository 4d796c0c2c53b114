import { describe, expect, it } from 'vitest';
import type { Context } from '../../server/context.ts';
import { FakeTime, hours, seededContext } from '../helpers/context.ts';

const days = (n: number) => hours(24 * n);

async function setup() {
  const time = new FakeTime();
  const ctx = await seededContext({ time });
  const mette = ctx.citizens.findByIdentifier('mette.hansen')!;
  const ahmed = ctx.citizens.findByIdentifier('ahmed.karimi')!;
  return { ctx, time, mette, ahmed };
}

const bySubject = (ctx: Context, citizenId: number, subject: string) =>
  ctx.mailbox.arrivedLetters(citizenId).find((letter) => letter.subject.da === subject)!;

describe('letters from the scenario', () => {
  it('gives every trainee the scenario letters, with the later ones arriving on the class clock', async () => {
    const { ctx, mette } = await setup();
    expect(ctx.post.inbox.list(mette.id, { box: 'inbox' })).toMatchObject({ total: 5, unread: 3 });
    ctx.clock.advance(mette.classId, hours(1));
    const listing = ctx.post.inbox.list(mette.id, { box: 'inbox' });
    expect(listing).toMatchObject({ total: 6, unread: 4 });
    expect(listing.letters[0]!.subject.en).toBe('Housing benefit – we need information');
  });

  it('puts everything back on a reset: read marks, answers and sent letters are gone', async () => {
    const { ctx, mette } = await setup();
    const tax = bySubject(ctx, mette.id, 'Din årsopgørelse for 2025 er klar');
    ctx.post.inbox.open(mette.id, tax.id);
    ctx.post.correspondence.answer(mette.id, tax.id, { body: 'Svar', attachments: [] });
    ctx.scenarios.reset(mette.classId, { citizenId: mette.id });
    expect(ctx.post.inbox.list(mette.id, { box: 'inbox' })).toMatchObject({ total: 5, unread: 3 });
    expect(ctx.post.inbox.list(mette.id, { box: 'sent' }).total).toBe(0);
  });

  it('pays the payslip into the online bank when it arrives (R9)', async () => {
    const { ctx, mette } = await setup();
    const overview = ctx.post.bank.overview(mette);
    expect(overview.balanceOre).toBe(845_000 + 1_875_000);
    expect(overview.transactions[0]).toMatchObject({ kind: 'salary', amountOre: 1_875_000, text: 'Fiktiv Rengøring ApS' });
  });
});

describe('reading and keeping letters', () => {
  it('searches by sender or subject and pages through a long inbox', async () => {
    const { ctx, mette } = await setup();
    for (let i = 1; i <= 25; i += 1) ctx.mailbox.deliver(mette.id, { sender: 'bank', subject: `Kontoudtog ${i}`, body: 'Udtog' });
    expect(ctx.post.inbox.list(mette.id, { box: 'inbox', search: 'skattestyrelsen' }).letters.map((l) => l.subject.da)).toEqual([
      'Din årsopgørelse for 2025 er klar',
    ]);
    expect(ctx.post.inbox.list(mette.id, { box: 'inbox', search: 'KONTOUDTOG' }).total).toBe(25);
    expect(ctx.post.inbox.list(mette.id, { box: 'inbox', search: '100%' }).total).toBe(0);
    const second = ctx.post.inbox.list(mette.id, { box: 'inbox', page: 2 });
    expect(second).toMatchObject({ total: 30, pages: 2, page: 2 });
    expect(second.letters).toHaveLength(10);
  });

  it('creates, renames and fills folders; refuses a name twice', async () => {
    const { ctx, mette } = await setup();
    const made = ctx.post.inbox.createFolder(mette.id, '  Skat  ');
    expect(made.ok).toBe(true);
    const folderId = (made as { folderId: number }).folderId;
    expect(ctx.post.inbox.createFolder(mette.id, 'skat')).toEqual({ ok: false, errors: { name: ['mailbox:folders.errors.taken'] } });
    expect(ctx.post.inbox.createFolder(mette.id, '')).toEqual({ ok: false, errors: { name: ['mailbox:folders.errors.missing'] } });
    expect(ctx.post.inbox.renameFolder(mette.id, folderId, 'Skat 2025')).toEqual({ ok: true });
    const tax = bySubject(ctx, mette.id, 'Din årsopgørelse for 2025 er klar');
    ctx.post.inbox.move(mette.id, tax.id, folderId);
    expect(ctx.post.inbox.list(mette.id, { box: 'folder', folderId }).letters.map((l) => l.id)).toEqual([tax.id]);
    expect(ctx.post.inbox.list(mette.id, { box: 'inbox' }).total).toBe(4);
  });

  it('deletes to a trash that can be emptied, and a letter can come back before that', async () => {
    const { ctx, mette } = await setup();
    const [first, second] = ctx.post.inbox.list(mette.id, { box: 'inbox' }).letters;
    ctx.post.inbox.trash(mette.id, first!.id);
    ctx.post.inbox.trash(mette.id, second!.id);
    ctx.post.inbox.move(mette.id, second!.id, null);
    expect(ctx.post.inbox.list(mette.id, { box: 'trash' }).letters.map((l) => l.id)).toEqual([first!.id]);
    expect(ctx.post.inbox.emptyTrash(mette.id)).toBe(1);
    expect(ctx.mailbox.arrivedLetters(mette.id).some((l) => l.id === first!.id)).toBe(false);
    expect(ctx.post.inbox.list(mette.id, { box: 'inbox' }).total).toBe(4);
  });

  it('finds nothing of another trainee: letters, attachments and folders', async () => {
    const { ctx, mette, ahmed } = await setup();
    const tax = bySubject(ctx, mette.id, 'Din årsopgørelse for 2025 er klar');
    const attachment = ctx.post.inbox.attachmentsOf(tax.id)[0]!;
    const folder = ctx.post.inbox.createFolder(mette.id, 'Privat') as { folderId: number };
    expect(() => ctx.post.inbox.open(ahmed.id, tax.id)).toThrow('errors:notFound');
    expect(() => ctx.post.inbox.attachment(ahmed.id, tax.id, attachment.id)).toThrow('errors:notFound');
    expect(() => ctx.post.inbox.list(ahmed.id, { box: 'folder', folderId: folder.folderId })).toThrow('errors:notFound');
    expect(() => ctx.post.inbox.trash(ahmed.id, tax.id)).toThrow('errors:notFound');
    expect(() => ctx.post.correspondence.forward(ahmed.id, tax.id, 'x@example.dk')).toThrow('errors:notFound');
    expect(bySubject(ctx, mette.id, 'Din årsopgørelse for 2025 er klar').readAt).toBeNull();
  });
});

describe('the duty to react (R10)', () => {
  it('sorts deadlines, marks an overdue letter and sends a reminder when the clock passes the deadline', async () => {
    const { ctx, mette } = await setup();
    ctx.clock.advance(mette.classId, hours(1));
    expect(ctx.post.inbox.deadlines(mette.id).map((d) => [d.letter.subject.da, d.overdue])).toEqual([
      ['Boligstøtte – vi har brug for oplysninger', false],
      ['Bekræft din adresse', false],
    ]);
    ctx.clock.advance(mette.classId, days(8));
    const deadlines = ctx.post.inbox.deadlines(mette.id);
    expect(deadlines[0]).toMatchObject({ overdue: true, letter: { subject: { da: 'Boligstøtte – vi har brug for oplysninger' } } });
    const reminder = ctx.mailbox.arrivedLetters(mette.id).find((l) => l.kind === 'reminder')!;
    expect(reminder).toMatchObject({
      senderName: 'Udbetaling Danmark',
      subject: { da: 'Rykker: Boligstøtte – vi har brug for oplysninger' },
      deliveredAt: deadlines[0]!.letter.deadline,
    });
    ctx.post.inbox.deadlines(mette.id);
    expect(ctx.mailbox.arrivedLetters(mette.id).filter((l) => l.kind === 'reminder')).toHaveLength(1);
  });

  it('sends no reminder for a letter answered in time', async () => {
    const { ctx, mette } = await setup();
    const letter = bySubject(ctx, mette.id, 'Bekræft din adresse');
    ctx.post.correspondence.answer(mette.id, letter.id, { body: 'Jeg bor stadig her.', attachments: [] });
    ctx.clock.advance(mette.classId, days(15));
    ctx.post.inbox.list(mette.id, { box: 'inbox' });
    expect(ctx.mailbox.arrivedLetters(mette.id).filter((l) => l.kind === 'reminder' && l.replyTo === letter.id)).toEqual([]);
    expect(ctx.mailbox.arrivedLetters(mette.id).filter((l) => l.kind === 'reminder')).toHaveLength(1);
  });

  it('writes a simulated e-mail and SMS for each letter when it arrives, as the settings say', async () => {
    const { ctx, mette } = await setup();
    ctx.post.inbox.saveNotificationSettings(mette.id, { notifyEmail: true, email: 'mette@example.dk', notifySms: true, phone: '12345678' });
    const id = ctx.mailbox.deliver(
      mette.id,
      { sender: 'kommune', subject: 'Om 10 minutter', body: 'x' },
      { at: ctx.clock.now(mette.classId) + 600_000 },
    );
    expect(ctx.post.inbox.notifications(mette.id).log.some((n) => n.letterId === id)).toBe(false);
    ctx.clock.advance(mette.classId, 600_000);
    const log = ctx.post.inbox.notifications(mette.id).log.filter((n) => n.letterId === id);
    expect(log.map((n) => [n.channel, n.address]).sort()).toEqual([
      ['email', 'mette@example.dk'],
      ['sms', '12345678'],
    ]);
    ctx.post.inbox.saveNotificationSettings(mette.id, { notifyEmail: false, email: null, notifySms: false, phone: null });
    const quiet = ctx.mailbox.deliver(mette.id, { sender: 'kommune', subject: 'Stille', body: 'x' });
    expect(ctx.post.inbox.notifications(mette.id).log.some((n) => n.letterId === quiet)).toBe(false);
  });
});

describe('notifications written as a letter arrives', () => {
  it('notifies the address set when the letter arrived, not the one set before the trainee looks', async () => {
    const { ctx, mette } = await setup();
    ctx.post.inbox.saveNotificationSettings(mette.id, { notifyEmail: true, email: 'then@example.dk', notifySms: false, phone: null });
    const id = ctx.mailbox.deliver(mette.id, { sender: 'kommune', subject: 'Nu', body: 'x' });
    ctx.post.inbox.saveNotificationSettings(mette.id, { notifyEmail: true, email: 'later@example.dk', notifySms: false, phone: null });
    const log = ctx.post.inbox.notifications(mette.id).log.filter((n) => n.letterId === id);
    expect(log.map((n) => [n.channel, n.address])).toEqual([['email', 'then@example.dk']]);
  });

  it('notifies a letter dated later once, when the class clock passes it', async () => {
    const { ctx, mette } = await setup();
    ctx.post.inbox.saveNotificationSettings(mette.id, { notifyEmail: true, email: 'mette@example.dk', notifySms: false, phone: null });
    const id = ctx.mailbox.deliver(
      mette.id,
      { sender: 'kommune', subject: 'Senere', body: 'x' },
      { at: ctx.clock.now(mette.classId) + 60_000 },
    );
    ctx.clock.advance(mette.classId, 60_000);
    ctx.post.inbox.list(mette.id, { box: 'inbox' });
    expect(ctx.post.inbox.notifications(mette.id).log.filter((n) => n.letterId === id)).toHaveLength(1);
  });
});

describe('writing from the mailbox (R12)', () => {
  it('forwards with the attachments to another mailbox of the class and to a simulated e-mail address', async () => {
    const { ctx, mette, ahmed } = await setup();
    const tax = bySubject(ctx, mette.id, 'Din årsopgørelse for 2025 er klar');
    expect(ctx.post.correspondence.forward(mette.id, tax.id, 'ahmed.karimi')).toMatchObject({ ok: true });
    const copy = ctx.mailbox.arrivedLetters(ahmed.id).find((l) => l.kind === 'forward')!;
    expect(copy).toMatchObject({
      senderName: 'Mette Fiktiv Hansen',
      subject: { da: 'Vs: Din årsopgørelse for 2025 er klar', en: 'Fwd: Your tax assessment for 2025 is ready' },
    });
    expect(ctx.post.inbox.attachmentsOf(copy.id).map((a) => a.filename)).toEqual(['aarsopgoerelse-2025.pdf']);
    expect(ctx.post.correspondence.forward(mette.id, tax.id, 'revisor@example.dk')).toMatchObject({ ok: true });
    expect(ctx.post.inbox.list(mette.id, { box: 'sent' }).letters.map((l) => l.recipient)).toEqual([
      'revisor@example.dk',
      'Ahmed Fiktiv Karimi',
    ]);
    expect(ctx.post.correspondence.forward(mette.id, tax.id, 'not an address@')).toEqual({
      ok: false,
      errors: { to: ['mailbox:forward.errors.email'] },
    });
    expect(ctx.post.correspondence.forward(mette.id, tax.id, 'mette.hansen')).toEqual({
      ok: false,
      errors: { to: ['mailbox:forward.errors.self'] },
    });
    expect(ctx.post.correspondence.forward(mette.id, tax.id, 'nobody.here')).toEqual({
      ok: false,
      errors: { to: ['mailbox:forward.errors.unknown'] },
    });
  });

  it('writes only to authorities, and the municipality confirms receipt on the class clock', async () => {
    const { ctx, mette } = await setup();
    expect(
      ctx.post.correspondence
        .authorities(mette.id)
        .map((a) => a.key)
        .sort(),
    ).toEqual(['kommune', 'skattestyrelsen', 'su-styrelsen', 'udbetaling-danmark']);
    expect(() => ctx.post.correspondence.write(mette.id, 'udlejer', { subject: 'Hej', body: 'x', attachments: [] })).toThrow(
      'errors:notFound',
    );
    ctx.post.correspondence.write(mette.id, 'kommune', { subject: 'Flytning', body: 'Jeg flytter.', attachments: [] });
    expect(ctx.mailbox.arrivedLetters(mette.id).some((l) => l.kind === 'auto-reply')).toBe(false);
    ctx.clock.advance(mette.classId, 10 * 60_000);
    expect(ctx.mailbox.arrivedLetters(mette.id).find((l) => l.kind === 'auto-reply')).toMatchObject({
      senderName: 'Fiktiv Kommune, Borgerservice',
    });
  });

  it('refuses to answer a letter that may not be answered', async () => {
    const { ctx, mette } = await setup();
    const insurance = bySubject(ctx, mette.id, 'Din indboforsikring er fornyet');
    expect(() => ctx.post.correspondence.answer(mette.id, insurance.id, { body: 'x', attachments: [] })).toThrow('errors:notFound');
  });
});

describe('exempt from Digital Post', () => {
  it('puts letters from public senders in the paper-post tray and keeps others digital (R20, R21)', async () => {
    const { ctx, mette } = await setup();
    ctx.db.prepare('UPDATE mailboxes SET exempt = 1 WHERE citizen_id = ?').run(mette.id);
    const fromSkat = ctx.mailbox.deliver(mette.id, { sender: 'skattestyrelsen', subject: 'Papir', body: 'x' });
    const fromSu = ctx.mailbox.deliver(mette.id, { sender: 'su-styrelsen', subject: 'Digitalt', body: 'x' });
    const letters = ctx.mailbox.arrivedLetters(mette.id);
    expect(letters.find((l) => l.id === fromSkat)!.channel).toBe('paper');
    expect(letters.find((l) => l.id === fromSu)!.channel).toBe('digital');
    expect(ctx.post.inbox.list(mette.id, { box: 'paper' }).letters.map((l) => l.id)).toContain(fromSkat);
  });
});
