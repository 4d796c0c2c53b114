import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../server/context.ts';
import { seededContext } from '../helpers/context.ts';
import { loginAs, testApp } from '../helpers/http.ts';

/** Every way a NemID stops being the same NemID ends all of its open sessions at once. */
async function twoOpenSessions(): Promise<{ ctx: Context; sessions: ReturnType<typeof request.agent>[]; metteId: number }> {
  const ctx = await seededContext();
  const app = testApp(ctx, { loginRateLimitPerMinute: 10_000 });
  const sessions = [request.agent(app), request.agent(app)];
  for (const agent of sessions) await loginAs(agent, ctx, 'mette.hansen', 'Hest2024');
  for (const agent of sessions) expect((await agent.get('/my-nemid')).status).toBe(200);
  return { ctx, sessions, metteId: ctx.citizens.findByIdentifier('mette.hansen')!.id };
}

async function expectAllEnded(sessions: ReturnType<typeof request.agent>[]): Promise<void> {
  for (const agent of sessions) {
    const response = await agent.get('/my-nemid');
    expect(response.status).toBe(303);
    expect(response.headers.location).toMatch(/^\/login/);
  }
}

describe('open sessions end', () => {
  it('when the owner blocks the NemID', async () => {
    const { ctx, sessions, metteId } = await twoOpenSessions();
    expect(ctx.blocking.blockByOwner(metteId, 'lost-card', { actor: 'trainee', channel: 'phone' }).ok).toBe(true);
    await expectAllEnded(sessions);
  });

  it('when the issuer revokes it', async () => {
    const { ctx, sessions, metteId } = await twoOpenSessions();
    expect(ctx.blocking.revoke(metteId, 'death', { actor: 'issuer', channel: 'issuer', operator: 'test' }).ok).toBe(true);
    await expectAllEnded(sessions);
  });

  it('when the password is changed', async () => {
    const { ctx, sessions, metteId } = await twoOpenSessions();
    const mette = ctx.citizens.findById(metteId)!;
    const question = ctx.selfService.keyQuestion(mette)!;
    const card = ctx.keycards.activeCard(metteId)!;
    const code = ctx.keycards.printed(card).find((entry) => entry.key === question.keyNumber)!.code;
    const outcome = await ctx.selfService.changePassword(metteId, { code, password: 'Lampe5151', repeat: 'Lampe5151' });
    expect(outcome.kind).toBe('changed');
    await expectAllEnded(sessions);
  });

  it('when the teacher resets the trainee', async () => {
    const { ctx, sessions, metteId } = await twoOpenSessions();
    ctx.scenarios.reset(ctx.citizens.findById(metteId)!.classId, { citizenId: metteId });
    await expectAllEnded(sessions);
  });
});
