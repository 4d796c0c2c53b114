import path from 'node:path';

/** Every setting of the sandbox: the environment variable, its default, read in one place. */
export interface Config {
  port: number;
  /**
   * The sandbox's address as trainees type it (no trailing slash), printed with a QR code
   * on every login slip. Default: http://localhost:<PORT>, right only on the machine itself.
   */
  publicBaseUrl: string;
  dbPath: string;
  /** Folder for generated secrets (session and key-card secrets), beside the database by default. */
  secretsDir: string;
  defaultScenario: string;
  scenarioDir: string;
  /** Where scenarios uploaded or edited in the teacher console are written (beside the database by default). */
  scenarioUploadDir: string;
  /** Set when the sandbox is served over TLS: cookies get `Secure`, HSTS is sent. */
  tls: boolean;
  trustProxy: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  loginRateLimitPerMinute: number;
  logLevel: string;
  /** Optional overrides of the generated secrets (hex or any long string). */
  sessionSecret?: string;
  keycardSecret?: string;
  /** Another folder of help-only locales (`<code>/_language.json` and namespace files) beside locales/, e.g. for trying a new language. */
  extraLocalesDir?: string;
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`Setting ${name} must be a whole number, got "${raw}"`);
  }
  return value;
}

function urlFrom(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`Setting ${name} must be an address such as https://nemid.school.example, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`Setting ${name} must start with http:// or https://, got "${raw}"`);
  return raw.replace(/\/+$/, '');
}

function boolFrom(env: NodeJS.ProcessEnv, name: string): boolean {
  return ['1', 'true', 'yes', 'on'].includes((env[name] ?? '').toLowerCase());
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dbPath = env.DB_PATH || 'data/sandbox.db';
  const port = intFrom(env, 'PORT', 3000);
  return {
    port,
    publicBaseUrl: urlFrom(env, 'PUBLIC_BASE_URL') ?? `http://localhost:${port}`,
    dbPath,
    secretsDir: env.SECRETS_DIR || path.dirname(path.resolve(dbPath)),
    defaultScenario: env.DEFAULT_SCENARIO || 'default',
    scenarioDir: env.SCENARIO_DIR || path.resolve('seed/scenarios'),
    scenarioUploadDir: env.SCENARIO_UPLOAD_DIR || path.join(path.dirname(path.resolve(dbPath)), 'scenarios'),
    tls: boolFrom(env, 'TLS'),
    trustProxy: boolFrom(env, 'TRUST_PROXY'),
    sessionIdleMinutes: intFrom(env, 'SESSION_IDLE_MINUTES', 15),
    sessionAbsoluteHours: intFrom(env, 'SESSION_ABSOLUTE_HOURS', 12),
    loginRateLimitPerMinute: intFrom(env, 'LOGIN_RATE_LIMIT_PER_MINUTE', 300),
    logLevel: env.LOG_LEVEL || 'info',
    sessionSecret: env.SESSION_SECRET || undefined,
    keycardSecret: env.KEYCARD_SECRET || undefined,
    extraLocalesDir: env.EXTRA_LOCALES_DIR || undefined,
  };
}
