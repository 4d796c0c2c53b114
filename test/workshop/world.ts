import request from 'supertest';
import { hashPassword } from '../../server/common/passwords.ts';
import type { Context } from '../../server/context.ts';
import type { AttackKind, Target } from '../../server/workshop/types.ts';
import type { PlannedAttack } from '../../server/workshop/workshop-service.ts';
import { FakeTime, seededContext } from '../helpers/context.ts';
import { loginAs, teacherLogin, testApp, type Agent } from '../helpers/http.ts';

export const minutes = (n: number) => n * 60_000;

/** The default scenario (class DEMO, shared) with a facilitator account and a running app. */
export async function workshopWorld() {
  const time = new FakeTime();
  const ctx = await seededContext({ time });
  const teacherId = ctx.teachers.insert('facilitator', await hashPassword('facilitator-password'), time.now());
  const app = testApp(ctx, { loginRateLimitPerMinute: 10_000 });
  const klass = ctx.classes.findByCode('DEMO')!;
  return {
    time,
    ctx,
    app,
    klass,
    teacherId,
    /** Starts a workshop for DEMO on the service, as the facilitator's form does. */
    start: (plan: PlannedAttack[]) => ctx.workshop.workshops.start(klass, teacherId, plan),
    /** The facilitator signed in to the teacher console in their own browser. */
    facilitator: async (): Promise<Agent> => {
      const agent = request.agent(app);
      await teacherLogin(agent, 'facilitator', 'facilitator-password');
      return agent;
    },
    /** A participant signed in to Digital Post in their own browser. */
    participant: async (identifier: string, password: string): Promise<{ agent: Agent; citizenId: number }> => {
      const agent = request.agent(app);
      await loginAs(agent, ctx, identifier, password, 'post');
      return { agent, citizenId: ctx.citizens.findByIdentifier(identifier)!.id };
    },
  };
}

/**
 * Gives a trainee a password of their own choosing (as after a first login), so that it is
 * nowhere in the database in clear: the scenario's own password is a public fixture.
 */
export async function chooseOwnPassword(ctx: Context, identifier: string, password: string): Promise<void> {
  const result = await ctx.login.choosePassword(ctx.citizens.findByIdentifier(identifier)!.id, { password, repeat: password, userId: '' });
  if (!result.ok) throw new Error(`Password not accepted: ${JSON.stringify(result.errors)}`);
}

/** A participant's target in a workshop's attack of this kind. */
export function targetOf(ctx: Context, teacherId: number, workshopId: number, citizenId: number, kind: AttackKind): Target {
  const { workshop } = ctx.workshop.workshops.visibleWorkshop(teacherId, workshopId)!;
  return ctx.workshop.debrief.facts(workshop).find((fact) => fact.citizen.id === citizenId && fact.attack.kind === kind)!.target;
}

/** The printed code of a key on the citizen's card (what the participant reads off the card). */
export function codeOf(ctx: Context, citizenId: number, key: string): string {
  const card = ctx.keycards.cardForLogin(citizenId, ctx.clock.now(ctx.citizens.findById(citizenId)!.classId))!;
  return ctx.keycards.printed(card).find((entry) => entry.key === key)!.code;
}

/** Unused keys of the citizen's card, other than the one asked now. */
export function unusedKeys(ctx: Context, citizenId: number, count: number): { key: string; code: string }[] {
  const card = ctx.keycards.cardForLogin(citizenId, ctx.clock.now(ctx.citizens.findById(citizenId)!.classId))!;
  return ctx.keycards
    .printed(card)
    .filter((entry) => !entry.used && entry.key !== card.challengeKey)
    .slice(0, count);
}

/** Every text cell of every table of the database that contains one of these strings (case-insensitive). */
export function tablesHolding(ctx: Context, secrets: string[]): string[] {
  const tables = ctx.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
  // A six-digit code is only "held" where it stands alone: a fictional CPR number or a hex
  // nonce that happens to contain the same six digits is not a stored code.
  const patterns = secrets.map((secret) => {
    const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return { secret, pattern: /^\d+$/.test(secret) ? new RegExp(`(?<![0-9a-z])${escaped}(?![0-9a-z])`, 'i') : new RegExp(escaped, 'i') };
  });
  const found: string[] = [];
  for (const { name } of tables) {
    for (const row of ctx.db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]) {
      for (const [column, value] of Object.entries(row)) {
        const text = Buffer.isBuffer(value) ? value.toString('latin1') : String(value ?? '');
        for (const { secret, pattern } of patterns) if (pattern.test(text)) found.push(`${name}.${column} holds ${secret}`);
      }
    }
  }
  return found;
}
