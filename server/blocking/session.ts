import type { Request, Response } from 'express';

/** One line of the simulated phone call, kept until the call ends. */
export interface CallLine {
  who: 'agent' | 'caller';
  key: string;
  params: Record<string, string | number>;
}

/** The phone call to NemID support, explicit state in the session. */
export interface PhoneCall {
  step: 'identify' | 'reason' | 'help' | 'ended';
  citizenId?: number;
  failures: number;
  offers: ('temporary-password' | 'card')[];
  lines: CallLine[];
}

declare module 'express-session' {
  interface SessionData {
    /**
     * Signed in to the issuer's self-service with user ID and password only. A light
     * flag, not the NemID login: it opens `/nemid` and nothing else.
     */
    selfService?: { citizenId: number };
    phoneCall?: PhoneCall;
    /** Whose paper post this browser may read at `/nemid/letterbox` (proved with user ID and card number, or name, CPR and NemID number). */
    letterboxOf?: number;
    /** Signed in to the issuer console. */
    operatorId?: number;
  }
}

/**
 * Starts a new session id for a sign-in, keeping what the browser had (a NemID login or
 * a phone call), so that an id known before the sign-in is worth nothing.
 */
export function renewSession(req: Request, fill: (session: Request['session']) => void, done: (error?: unknown) => void): void {
  const kept = {
    citizenId: req.session.citizenId,
    classId: req.session.classId,
    createdAt: req.session.createdAt,
    teacherId: req.session.teacherId,
    selfService: req.session.selfService,
    operatorId: req.session.operatorId,
  };
  req.session.regenerate((error) => {
    if (error) return done(error);
    for (const [key, value] of Object.entries(kept)) if (value !== undefined) Object.assign(req.session, { [key]: value });
    req.session.createdAt ??= (req.app.locals.realNow as () => number)();
    fill(req.session);
    req.session.save(done);
  });
}

/**
 * After a block or a password change has ended every session of this citizen in the
 * store, forgets the NemID login in this browser's session too, or it would be saved again.
 */
export function forgetLoginOf(req: Request, res: Response, citizenId: number): void {
  if (req.session.citizenId === citizenId) {
    delete req.session.citizenId;
    delete req.session.classId;
    res.locals.loggedIn = false;
  }
}
