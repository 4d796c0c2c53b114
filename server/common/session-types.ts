import type { ServiceId } from '../paths.ts';

/** The login journey, explicit state kept in the session (see login/login-journey.ts). */
export interface LoginJourney {
  step: 'choose-password' | 'key';
  citizenId: number;
  service: ServiceId;
  /** The citizen's newest event id when the login began: exercises done after it are this login's news. */
  newsAfter?: number;
}

/** A MitID login under way (server/mitid/mitid-controller.ts): who, for which service, by which authenticator. */
export interface MitidJourney {
  citizenId: number;
  service: ServiceId;
  authenticator: 'app' | 'code-display';
  held: ('app' | 'code-display')[];
  /** The app's request this login waits for. */
  requestId?: number;
  /** The code display's code was right: the password comes next [S11]. */
  codeOk?: boolean;
  /** The citizen's newest event id when the login began: exercises done after it are this login's news. */
  newsAfter?: number;
}

declare module 'express-session' {
  interface SessionData {
    login?: LoginJourney;
    mitidLogin?: MitidJourney;
    /** Set once the three-part login is done. */
    citizenId?: number;
    /** How the citizen logged in: a confirmation inside a service asks the same (MitID: the app or the code display). */
    loggedInWith?: 'nemid' | 'mitid';
    /** The service that login was for: where a step of the finished login sends the browser back to. */
    loggedInTo?: ServiceId;
    classId?: number;
    /** Only exercises completed by events after `eventId` are celebrated in this session (server/exercises/experience.ts). */
    newsAfter?: { citizenId: number; eventId: number };
    teacherId?: number;
    /** A message for the teacher console's next page (e.g. how long a reset took). */
    teacherNotice?: { key: string; params: Record<string, string | number> };
    /** Real time the session was created, for the absolute timeout. */
    createdAt?: number;
    /** The class whose join code this browser typed, and when (class clock), until a trainee of it logs in here. */
    joinedClass?: { classId: number; at: number };
    /** The teacher's projector mode: passwords, key codes and join codes hidden on the console's pages. */
    projector?: boolean;
    /** Marks a session that rendered a form, so it is saved and its CSRF token stays valid. */
    formShown?: boolean;
  }
}

export {};
