import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { hashPassword } from '../../server/common/passwords.ts';
import { seededRandom } from '../../server/common/random.ts';
import { createContext, type Context } from '../../server/context.ts';
import { openDatabase } from '../../server/storage/connection.ts';
import { FakeTime, scenarioDir, testSeed } from '../helpers/context.ts';
import { teacherLogin, testApp, type Agent } from '../helpers/http.ts';

export const teacherPassword = 'classroom-key-2026';

/**
 * A sandbox for the teacher console: the shipped scenarios, an upload folder of its own
 * (so no test writes to seed/scenarios), a clock the test moves, the default scenario
 * loaded as the shared class DEMO, and two teachers, anna and bo.
 */
export async function teacherWorld(options: { time?: FakeTime } = {}) {
  const time = options.time ?? new FakeTime();
  const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-uploads-'));
  const ctx: Context = createContext({
    db: openDatabase(':memory:'),
    secrets: { session: 'test-session-secret-0123456789abcdef', keycard: 'test-keycard-secret-0123456789abcdef' },
    scenarioDir,
    scenarioUploadDir: uploadDir,
    realNow: time.now,
    random: seededRandom(testSeed),
  });
  await ctx.scenarios.load('default', { actor: 'system' });
  const hash = await hashPassword(teacherPassword);
  const anna = ctx.teachers.insert('anna', hash, time.now());
  const bo = ctx.teachers.insert('bo', hash, time.now());
  const app = testApp(ctx, { loginRateLimitPerMinute: 10_000 });
  return { ctx, app, time, uploadDir, teachers: { anna, bo } };
}

export async function teacherAgent(app: ReturnType<typeof testApp>, username: string): Promise<Agent> {
  const agent = request.agent(app);
  await teacherLogin(agent, username, teacherPassword);
  return agent;
}
