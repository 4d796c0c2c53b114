import pino from 'pino';

export type Logger = pino.Logger;

/** Structured logs; secrets and cookies are redacted by path. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: ['req.headers.cookie', 'password', 'code', 'secrets'],
  });
}
