import type { ServiceId } from '../paths.ts';

/** The login journey, explicit state kept in the session (see login/login-journey.ts). */
export interface LoginJourney {
  step: 'choose-password' | 'key';
  citizenId: number;
  service: ServiceId;
}

declare module 'express-session' {
  interface SessionData {
    login?: LoginJourney;
    /** Set once the three-part login is done. */
    citizenId?: number;
    /** The service that login was for: where a step of the finished login sends the browser back to. */
    loggedInTo?: ServiceId;
    classId?: number;
    teacherId?: number;
    /** A message for the teacher console's next page (e.g. how long a reset took). */
    teacherNotice?: { key: string; params: Record<string, string | number> };
    /** Real time the session was created, for the absolute timeout. */
    createdAt?: number;
    /** Marks a session that rendered a form, so it is saved and its CSRF token stays valid. */
    formShown?: boolean;
  }
}

export {};
