import path from 'node:path';
import { loadConfig, type Config } from '../../server/config.ts';
import { createContext, type Context } from '../../server/context.ts';
import { seededRandom } from '../../server/common/random.ts';
import { openDatabase } from '../../server/storage/connection.ts';

export const scenarioDir = path.resolve('seed/scenarios');

/** A clock the test moves by hand; every class clock reads real time from it. */
export class FakeTime {
  constructor(public ms = Date.UTC(2026, 10, 26, 9, 0, 0)) {}
  now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

export const hours = (n: number) => n * 3_600_000;

/** The seed of every test's random source: generated trainees are the same on every run. */
export const testSeed = 20_261_126;

/**
 * A sandbox over an in-memory database (or the given file) with fixed secrets and a seeded
 * random source, so the names, numbers and passwords it generates never change between runs.
 */
export function testContext(
  options: { time?: FakeTime; dbPath?: string; keycardSecret?: string; dir?: string; seed?: number } = {},
): Context {
  return createContext({
    db: openDatabase(options.dbPath ?? ':memory:'),
    secrets: { session: 'test-session-secret-0123456789abcdef', keycard: options.keycardSecret ?? 'test-keycard-secret-0123456789abcdef' },
    scenarioDir: options.dir ?? scenarioDir,
    realNow: options.time?.now,
    random: seededRandom(options.seed ?? testSeed),
  });
}

/** A context with the default scenario loaded into class DEMO. */
export async function seededContext(options: Parameters<typeof testContext>[0] = {}): Promise<Context> {
  const ctx = testContext(options);
  await ctx.scenarios.load('default', { actor: 'system' });
  return ctx;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ LOG_LEVEL: 'silent' }), ...overrides };
}

/** The code printed beside the key the login asks for now (what the trainee reads off the card). */
export function codeForAskedKey(ctx: Context, identifier: string): { key: string; code: string } {
  const citizen = ctx.citizens.findByIdentifier(identifier)!;
  const card = ctx.keycards.cardForLogin(citizen.id, ctx.clock.now(citizen.classId))!;
  const key = ctx.keycards.challenge(card);
  const printed = ctx.keycards.printed(card).find((entry) => entry.key === key)!;
  return { key, code: printed.code };
}
