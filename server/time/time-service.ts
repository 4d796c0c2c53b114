import type { CitizenRepository } from '../citizen/citizen-repository.ts';
import { stepMs, type ClassClock } from '../common/clock.ts';
import type { Actor, EventLog } from '../common/event-log.ts';
import type { LoginService } from '../login/login-service.ts';
import type { MailboxService } from '../mailbox/mailbox-service.ts';

/** Who moves the clock, and what the `clock-advanced` event says besides how far (`ms`). */
export interface Mover {
  actor: Actor;
  /** The trainee who let the time pass on their own practice clock; null for a teacher or the command line. */
  citizenId?: number | null;
  data?: Record<string, unknown>;
}

/**
 * Letting time pass in a class: the one way the sandbox moves a class clock. Whoever moves
 * it (the teacher's clock buttons, the workshop's, `sandbox clock advance`, a trainee's
 * "let the time pass" on their own practice clock), one `clock-advanced` event is written and
 * what fell due then happens for every trainee of the class: a temporary lock (LOCK001) whose
 * hours have passed ends, with its event; letters that have arrived get their e-mail and SMS
 * notifications and what listens to deliveries (the bank's payslip, R9); overdue letters get
 * their reminder (R10). Letters and key cards on their way need nothing: they are read on the
 * class clock.
 */
export class TimeService {
  constructor(
    private readonly deps: {
      citizens: CitizenRepository;
      clock: ClassClock;
      events: EventLog;
      login: Pick<LoginService, 'current'>;
      mailbox: Pick<MailboxService, 'refresh'>;
    },
  ) {}

  /** Moves the class clock forward by `ms` and settles what fell due; returns the new time on the class clock. */
  advance(classId: number, ms: number, by: Mover): number {
    const now = this.deps.clock.advance(classId, ms);
    this.deps.events.record({
      classId,
      citizenId: by.citizenId ?? null,
      actor: by.actor,
      type: 'clock-advanced',
      rule: null,
      data: { ms, ...by.data },
      at: now,
    });
    for (const citizen of this.deps.citizens.listInClass(classId)) {
      this.deps.login.current(citizen.id); // a lock whose hours have passed ends now, with its event
      this.deps.mailbox.refresh(citizen.id);
    }
    return now;
  }

  /** Moves the class clock by a step such as `8h` or `4wd` ("+4 working days" skips the weekend the class clock is in). */
  advanceBy(classId: number, step: string, by: Mover): number {
    return this.advance(classId, stepMs(step, this.deps.clock.now(classId)), { ...by, data: { step, ...by.data } });
  }
}
