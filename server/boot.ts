import { loadConfig, type Config } from './config.ts';
import { createLogger } from './common/logger.ts';
import { loadSecrets } from './common/secrets.ts';
import { createContext, type Context } from './context.ts';
import { openDatabase } from './storage/connection.ts';

/** Opens the database, reads the secrets and wires the services; the server and the CLI share this. */
export function boot(env: NodeJS.ProcessEnv = process.env): { config: Config; ctx: Context } {
  const config = loadConfig(env);
  const db = openDatabase(config.dbPath);
  const secrets = loadSecrets(config);
  const ctx = createContext({ db, secrets, scenarioDir: config.scenarioDir, scenarioUploadDir: config.scenarioUploadDir });
  return { config, ctx };
}

/** On first start (no class at all), the default scenario is loaded. */
export async function seedIfEmpty(ctx: Context, config: Config): Promise<boolean> {
  if (ctx.classes.listClasses().length > 0) return false;
  await ctx.scenarios.load(config.defaultScenario, { actor: 'system' });
  return true;
}

export { createLogger };
