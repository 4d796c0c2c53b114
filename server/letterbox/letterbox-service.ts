import type { CitizenRepository } from '../citizen/citizen-repository.ts';
import type { Citizen } from '../citizen/types.ts';
import type { ClassClock } from '../common/clock.ts';
import type { EventLog } from '../common/event-log.ts';
import type { LoginService } from '../login/login-service.ts';
import type { MailboxService } from '../mailbox/mailbox-service.ts';
import type { Letter } from '../mailbox/types.ts';
import type { ClassRepository } from '../classes/class-repository.ts';
import type { TimeService } from '../time/time-service.ts';

/** How the browser knows whose letterbox it opens. */
export type OwnerVia = 'login' | 'proved' | 'practice';

/** Who the browser is, as far as the letterbox can tell (ids from the session and the practice cookie). */
export interface Browser {
  loggedIn?: number;
  proved?: number;
  practiceClassId?: number;
}

/** What a trainee waits for: post in the letterbox, or the end of an 8-hour lock (LOCK001). */
export type WaitFor = 'post' | 'lock';

/** Who may let the time pass: the trainee on their own practice clock, or the teacher of the class. */
export type TimeMover = 'you' | 'teacher' | null;

export interface Waiting {
  what: WaitFor;
  /** What is on its way, soonest first; `subject` is a letter's, a lock has none. */
  coming: { subject: Letter['subject'] | null; at: number }[];
  by: TimeMover;
}

/**
 * The letterbox at home ("postkassen derhjemme"): the paper post of one person, read without
 * NemID, as a letter through the door is. One page for every paper letter (the issuer's
 * temporary passwords and key cards, the bank's welcome letter, letters while exempt from
 * Digital Post), with what is still on its way. Practising alone, the trainee may let the
 * time pass on their own clock until it arrives; a class's clock is the teacher's.
 */
export class LetterboxService {
  constructor(
    private readonly deps: {
      classes: ClassRepository;
      citizens: CitizenRepository;
      clock: ClassClock;
      events: EventLog;
      mailbox: MailboxService;
      login: LoginService;
      time: TimeService;
    },
  ) {}

  /** The practice identity of a practice class (its only trainee). */
  practiceCitizen(practiceClassId: number | undefined): Citizen | undefined {
    return practiceClassId === undefined ? undefined : this.deps.citizens.listInClass(practiceClassId)[0];
  }

  /**
   * Whose letterbox this browser opens: the NemID logged in here, else the person it has
   * proved to be (an order with user ID and card number, the phone line, self-service, the
   * letterbox's own form), else its practice identity.
   */
  ownerFor(browser: Browser): { citizen: Citizen; via: OwnerVia } | undefined {
    const candidates: [number | undefined, OwnerVia][] = [
      [browser.loggedIn, 'login'],
      [browser.proved, 'proved'],
      [this.practiceCitizen(browser.practiceClassId)?.id, 'practice'],
    ];
    for (const [id, via] of candidates) {
      const citizen = id === undefined ? undefined : this.deps.citizens.findById(id);
      if (citizen) return { citizen, via };
    }
    return undefined;
  }

  /** The paper letters that have arrived, newest first. */
  arrived(citizenId: number): Letter[] {
    return this.deps.mailbox
      .arrivedLetters(citizenId)
      .filter((letter) => letter.channel === 'paper')
      .reverse();
  }

  /** Only a practice identity's own clock may be moved by the trainee; a class clock is the teacher's. */
  whoMovesTime(citizen: Citizen, practiceClassId: number | undefined): TimeMover {
    if (practiceClassId !== undefined && citizen.classId === practiceClassId) return 'you';
    return this.deps.classes.findById(citizen.classId)?.kind === 'class' ? 'teacher' : null;
  }

  /** What the citizen waits for now, or null when nothing is on its way (or no lock to wait out). */
  waiting(citizen: Citizen, what: WaitFor, practiceClassId: number | undefined): Waiting | null {
    const by = this.whoMovesTime(citizen, practiceClassId);
    if (what === 'lock') {
      const current = this.deps.login.current(citizen.id);
      if (current?.state !== 'locked' || current.lockedUntil === null) return null;
      return { what, coming: [{ subject: null, at: current.lockedUntil }], by };
    }
    const coming = this.deps.mailbox.paperPostOnItsWay(citizen.id).map((letter) => ({ subject: letter.subject, at: letter.deliveredAt }));
    return coming.length === 0 ? null : { what, coming, by };
  }

  /**
   * Lets the time pass on the browser's own practice clock until what is awaited arrives:
   * the next paper letter, or the end of an 8-hour lock. Nothing else can be moved from a
   * trainee's page. One event; what fell due then happens as on the class page.
   * Returns the new time, or null when there was nothing to wait for.
   */
  letTimePass(practiceClassId: number | undefined, what: WaitFor): number | null {
    const citizen = this.practiceCitizen(practiceClassId);
    if (!citizen || practiceClassId === undefined) return null;
    const waiting = this.waiting(citizen, what, practiceClassId);
    const until = waiting?.coming[0]?.at;
    if (until === undefined) return null;
    const now = this.deps.clock.now(practiceClassId);
    // An 8-hour lock that has run out ends then, with its event, and the post that came is notified (TimeService).
    return this.deps.time.advance(practiceClassId, Math.max(1, until - now), {
      actor: 'trainee',
      citizenId: citizen.id,
      data: { reason: what === 'lock' ? 'waiting-for-lock' : 'waiting-for-post' },
    });
  }
}
