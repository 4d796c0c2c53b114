import type { NextFunction, Request, RequestHandler, Response } from 'express';
import session from 'express-session';
import helmet from 'helmet';
import { doubleCsrf } from 'csrf-csrf';
import { rateLimit } from 'express-rate-limit';
import type { Config } from '../config.ts';
import type { SqliteSessionStore } from './session-store.ts';

/** helmet with a strict Content-Security-Policy: no inline scripts or styles anywhere. */
export function securityHeaders(config: Pick<Config, 'tls'>): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        ...(config.tls ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: config.tls ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
  });
}

export const sessionCookieName = 'sandbox.sid';

/**
 * Sessions in the SQLite store: HttpOnly, SameSite=Lax, Secure with TLS; an idle timeout
 * (the cookie and the stored session expire together, renewed on each request) and an
 * absolute timeout counted from the login.
 */
export function sessions(config: Config, store: SqliteSessionStore, secret: string, realNow: () => number): RequestHandler[] {
  const absoluteMs = config.sessionAbsoluteHours * 3_600_000;
  return [
    session({
      name: sessionCookieName,
      secret,
      store,
      resave: false,
      saveUninitialized: false,
      rolling: true,
      cookie: { httpOnly: true, sameSite: 'lax', secure: config.tls, maxAge: config.sessionIdleMinutes * 60_000 },
    }),
    (req: Request, _res: Response, next: NextFunction) => {
      const createdAt = req.session.createdAt;
      if (createdAt !== undefined && realNow() - createdAt > absoluteMs) {
        req.session.regenerate((error) => next(error));
        return;
      }
      next();
    },
  ];
}

/** CSRF tokens (csrf-csrf, double submit bound to the session) on every form. */
export function csrf(config: Pick<Config, 'tls'>, secret: string) {
  const { generateCsrfToken, doubleCsrfProtection, invalidCsrfTokenError } = doubleCsrf({
    getSecret: () => secret,
    getSessionIdentifier: (req) => req.session.id,
    cookieName: config.tls ? '__Host-sandbox.csrf' : 'sandbox.csrf',
    cookieOptions: { sameSite: 'lax', secure: config.tls, httpOnly: true, path: '/' },
    getCsrfTokenFromRequest: (req) => {
      const token = (req.body as Record<string, unknown> | undefined)?._csrf;
      return typeof token === 'string' ? token : undefined;
    },
  });
  const tokenForViews: RequestHandler = (req, res, next) => {
    let token: string | undefined;
    res.locals.csrfToken = () => {
      // A session that shows a form is saved, so the token it is bound to stays valid.
      req.session.formShown = true;
      // One token per response: each generation sets the cookie anew, so the last would win.
      token ??= generateCsrfToken(req, res);
      return token;
    };
    next();
  };
  return { protect: doubleCsrfProtection, tokenForViews, invalidCsrfTokenError };
}

/** A limit on login attempts per client address, on top of the per-NemID lockout. */
export function loginRateLimit(config: Pick<Config, 'loginRateLimitPerMinute'>): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: config.loginRateLimitPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      res.status(429).render('errors/error', { titleKey: 'errors:tooManyTitle', messageKey: 'errors:tooMany', params: {} });
    },
  });
}

/**
 * Starts a signed-in session: a new session id (so an id known before the login is worth
 * nothing), the caller's fields, and the start time for the absolute timeout.
 */
export function beginSession(req: Request, fill: (session: Request['session']) => void, done: (error?: unknown) => void): void {
  req.session.regenerate((error) => {
    if (error) return done(error);
    fill(req.session);
    req.session.createdAt = (req.app.locals.realNow as () => number)();
    req.session.save(done);
  });
}
