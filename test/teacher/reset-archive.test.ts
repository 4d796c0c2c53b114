import { describe, expect, it } from 'vitest';
import { FakeTime, hours, seededContext } from '../helpers/context.ts';

/** The archive is kept by the scenario service, so every way of resetting keeps one. */
describe('the archive kept before a reset', () => {
  it('keeps the class as it was before the command line resets it, with the clock time before the reset', async () => {
    const time = new FakeTime();
    const ctx = await seededContext({ time });
    const demo = ctx.classes.findByCode('DEMO')!;
    const lars = ctx.citizens.findByIdentifier('lars.berg')!;
    ctx.events.record({ classId: demo.id, citizenId: lars.id, actor: 'trainee', type: 'login-ok', rule: 'R4', at: ctx.clock.now(demo.id) });
    const before = ctx.clock.advance(demo.id, hours(8));

    ctx.scenarios.reset(demo.id, { actor: 'cli' });

    const [summary] = ctx.archives.list(demo);
    expect(summary).toMatchObject({
      reason: 'class-reset',
      actor: 'cli',
      resetBy: null,
      traineeName: null,
      classTime: before,
      archivedAt: time.ms,
    });
    const archive = ctx.archives.find(demo, summary!.id)!;
    expect(archive.snapshot.progress.trainees.find((row) => row.name === lars.name)!.logins).toBe(1);
    expect(ctx.progress.ofTrainee(demo, ctx.citizens.findById(lars.id)!).logins).toBe(0);
    expect(JSON.stringify(archive.snapshot)).not.toContain('passwordHash');
  });

  it('keeps one before a scenario is loaded again into the class, and none for a class that is new', async () => {
    const ctx = await seededContext();
    const demo = ctx.classes.findByCode('DEMO')!;
    expect(ctx.archives.list(demo)).toEqual([]);
    await ctx.scenarios.load('default', { actor: 'cli' });
    expect(ctx.archives.list(demo)).toMatchObject([{ reason: 'scenario-load', actor: 'cli' }]);
  });

  it('keeps none for a practice NemID, which no teacher reads', async () => {
    const ctx = await seededContext();
    const practice = await ctx.scenarios.load('default', { classCode: 'SELF-1', traineeCount: 1, kind: 'selfstudy', actor: 'trainee' });
    ctx.scenarios.reset(practice.id, { actor: 'trainee' });
    expect(ctx.archives.list(practice)).toEqual([]);
  });
});
