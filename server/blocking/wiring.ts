import type { CitizenRepository } from '../citizen/citizen-repository.ts';
import type { ClassClock } from '../common/clock.ts';
import type { EventLog } from '../common/event-log.ts';
import type { RandomInt } from '../common/random.ts';
import type { KeyCardService } from '../keycard/keycard-service.ts';
import type { LoginService } from '../login/login-service.ts';
import type { MailboxService } from '../mailbox/mailbox-service.ts';
import type { Db } from '../storage/connection.ts';
import type { ClassRepository } from '../classes/class-repository.ts';
import { BlockingRepository } from './blocking-repository.ts';
import { BlockingService } from './blocking-service.ts';
import { IssuerLetters } from './notices.ts';
import { SelfService } from './self-service-service.ts';
import { SupportService } from './support-service.ts';
import { TemporaryPasswordService } from './temporary-password-service.ts';

interface Base {
  db: Db;
  classes: ClassRepository;
  citizens: CitizenRepository;
  keycards: KeyCardService;
  clock: ClassClock;
  events: EventLog;
  mailbox: MailboxService;
  endSessions: (citizenIds: number[]) => void;
  realNow: () => number;
  random?: RandomInt;
}

/** The part the login needs (temporary passwords), built before the LoginService. */
export function blockingCore(base: Base) {
  const repo = new BlockingRepository(base.db);
  const letters = new IssuerLetters(base.mailbox);
  const blocking = new BlockingService({ ...base, repo, letters });
  const temporaryPasswords = new TemporaryPasswordService({ ...base, repo, blocking, letters });
  return { repo, letters, blocking, temporaryPasswords };
}

/** Self-service and the phone line and desk, built over the login (the issuer console builds on these, in the composition root). */
export function issuerSide(base: Base, core: ReturnType<typeof blockingCore>, login: LoginService) {
  const selfService = new SelfService({ ...base, ...core, login });
  const support = new SupportService({ ...base, ...core, login });
  return { blocking: core.blocking, temporaryPasswords: core.temporaryPasswords, selfService, support };
}
