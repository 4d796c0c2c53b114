import { describe, expect, it } from 'vitest';
import { commands } from '../../server/cli/commands.ts';
import type { Context } from '../../server/context.ts';
import { FakeTime, seededContext, testConfig } from '../helpers/context.ts';

/** The clock commands over an in-memory sandbox: a teacher's class and a practice NemID of one. */
async function sandboxWithPractice() {
  const time = new FakeTime(Date.UTC(2026, 11, 5, 10)); // Saturday 5 December 2026, 11.00 in Denmark
  const ctx = await seededContext({ time });
  await ctx.scenarios.load('self-study', {
    classCode: 'PRACTICE1',
    className: 'Self-study',
    traineeCount: 1,
    kind: 'selfstudy',
    ownerTokenHash: 'a'.repeat(64),
    actor: 'trainee',
  });
  return { time, ctx, cli: commands(ctx, testConfig()) };
}

/**
 * Two letters for one trainee, due within the next hour: one arrives in 10 minutes (its
 * e-mail notice is written when it is settled), one arrived now and must be answered within
 * 30 minutes (its reminder, R10). Both only happen when what fell due is settled.
 */
function dueWithinAnHour(ctx: Context, citizenId: number) {
  const classId = ctx.citizens.findById(citizenId)!.classId;
  const now = ctx.clock.now(classId);
  ctx.post.inbox.saveNotificationSettings(citizenId, { notifyEmail: true, email: 'trainee@example.dk', notifySms: false, phone: null });
  const arriving = ctx.mailbox.deliver(citizenId, { sender: 'kommune', subject: 'Om 10 minutter', body: 'x' }, { at: now + 600_000 });
  const answerable = ctx.mailbox.deliver(citizenId, {
    sender: 'kommune',
    subject: 'Svar inden en halv time',
    body: 'x',
    answerable: true,
    deadline: now + 1_800_000,
  });
  /** What was settled, read straight from the tables (a listing would settle it by itself). */
  return () => ({
    notices: (ctx.db.prepare('SELECT COUNT(*) AS n FROM mail_notifications WHERE letter_id = ?').get(arriving) as { n: number }).n,
    reminders: ctx.mailbox.arrivedLetters(citizenId).filter((letter) => letter.kind === 'reminder' && letter.replyTo === answerable).length,
  });
}

describe('sandbox clock', () => {
  it('settles what fell due when it advances a class, the same way the letterbox\'s "let the time pass" does', async () => {
    const { ctx, cli } = await sandboxWithPractice();
    const [trainee] = ctx.citizens.listInClass(ctx.classes.findByCode('DEMO')!.id);
    const practiceClass = ctx.classes.findByCode('PRACTICE1')!;
    const [practising] = ctx.citizens.listInClass(practiceClass.id);
    const inClass = dueWithinAnHour(ctx, trainee!.id);
    const alone = dueWithinAnHour(ctx, practising!.id);
    ctx.mailbox.sendPaperPost(
      practising!.id,
      { sender: 'Nets DanID', subject: 'Om en time', body: 'x' },
      { at: ctx.clock.now(practiceClass.id) + 3_600_000 },
    );
    expect(inClass()).toEqual({ notices: 0, reminders: 0 });

    await cli.run(['clock', 'advance', '1h'], { class: 'DEMO' });
    ctx.letterbox.letTimePass(practiceClass.id, 'post');

    expect(inClass()).toEqual({ notices: 1, reminders: 1 });
    expect(alone()).toEqual(inClass());
    const advanced = ctx.events.list({ classId: trainee!.classId }).filter((event) => event.type === 'clock-advanced');
    expect(advanced.map((event) => [event.actor, event.data])).toEqual([['cli', { ms: 3_600_000, step: '1h' }]]);
  });

  it("shows the practice classes beside the teachers' classes, each with its kind", async () => {
    const { cli } = await sandboxWithPractice();
    const rows = JSON.parse(await cli.run(['clock', 'show'], { json: true }));
    expect(rows).toContainEqual(expect.objectContaining({ class: 'DEMO', kind: 'class' }));
    expect(rows).toContainEqual(expect.objectContaining({ class: 'PRACTICE1', kind: 'practice' }));
    expect(await cli.run(['clock', 'show'], {})).toMatch(/PRACTICE1\s+practice/);
  });

  it('advances by working days: from a Saturday, 4wd ends on Thursday', async () => {
    const { ctx, cli } = await sandboxWithPractice();
    const out = await cli.run(['clock', 'advance', '4wd'], { class: 'DEMO' });
    expect(out).toBe('Class DEMO: the clock is now 2026-12-10T10:00:00.000Z');
    expect(new Date(ctx.clock.now(ctx.classes.findByCode('DEMO')!.id)).getUTCDay()).toBe(4);
    const practice = JSON.parse(await cli.run(['clock', 'show'], { class: 'PRACTICE1', json: true }));
    expect(practice.offsetMs).toBe(0);
  });

  it('refuses a step it cannot read before moving any clock', async () => {
    const { ctx, cli } = await sandboxWithPractice();
    await expect(cli.run(['clock', 'advance', '4 working days'], {})).rejects.toThrow(/4wd/);
    expect(ctx.classes.clockOffset(ctx.classes.findByCode('DEMO')!.id)).toBe(0);
  });
});
