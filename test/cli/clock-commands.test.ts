import { describe, expect, it } from 'vitest';
import { commands } from '../../server/cli/commands.ts';
import { FakeTime, seededContext, testConfig } from '../helpers/context.ts';

/** The clock commands over an in-memory sandbox: a teacher's class and a practice NemID of one. */
async function sandboxWithPractice() {
  const time = new FakeTime(Date.UTC(2026, 11, 5, 10)); // Saturday 5 December 2026, 11.00 in Denmark
  const ctx = await seededContext({ time });
  await ctx.scenarios.load('self-study', { classCode: 'PRACTICE1', className: 'Self-study', traineeCount: 1, kind: 'selfstudy', ownerTokenHash: 'a'.repeat(64), actor: 'trainee' });
  return { time, ctx, cli: commands(ctx, testConfig()) };
}

describe('sandbox clock', () => {
  it('shows the practice classes beside the teachers\' classes, each with its kind', async () => {
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
