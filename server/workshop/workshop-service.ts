import crypto from 'node:crypto';
import type { CitizenRepository } from '../citizen/citizen-repository.ts';
import type { ClassClock } from '../common/clock.ts';
import type { EventLog } from '../common/event-log.ts';
import { localised, type MailboxService } from '../mailbox/mailbox-service.ts';
import type { Db } from '../storage/connection.ts';
import type { ClassRow } from '../classes/types.ts';
import { attackPlans } from './attacks.ts';
import { workshopEvents } from './workshop-events.ts';
import type { WorkshopRepository } from './workshop-repository.ts';
import type { Attack, AttackKind, Workshop } from './types.ts';

export interface WorkshopDeps {
  db: Db;
  repo: WorkshopRepository;
  citizens: CitizenRepository;
  clock: ClassClock;
  events: EventLog;
  mailbox: MailboxService;
  realNow: () => number;
  /** The classes a teacher may see (the teacher console's rule). */
  visibleClasses: (teacherId: number) => ClassRow[];
  /** Whether a participant holds MitID: the MitID attacks are staged only on them. */
  holdsMitid: (citizenId: number) => boolean;
}

/** One attack of the facilitator's plan: which, and how many minutes from now on the class clock. */
export interface PlannedAttack {
  kind: AttackKind;
  minutes: number;
}

export const newToken = (): string => crypto.randomBytes(16).toString('base64url');

/** Puts a participant's staged letter in Digital Post, arriving at `at` on the class clock, from a company look-alike sender; returns the letter id. */
export function deliverStagedLetter(mailbox: MailboxService, citizenId: number, kind: AttackKind, token: string, at: number): number {
  const plan = attackPlans[kind];
  if (plan.channel !== 'letter') throw new Error(`${kind} is not staged as a letter`);
  return mailbox.deliver(
    citizenId,
    {
      sender: plan.sender,
      subject: localised(`workshop:attacks.${plan.key}.letter.subject`),
      body: localised(`workshop:attacks.${plan.key}.letter.body`),
      data: { link: token, linkKey: plan.key },
    },
    { at, actor: 'teacher', rule: 'R5', senderKind: 'company' },
  );
}

/**
 * The facilitator's side of the security workshop (R5): start a workshop for a class,
 * stage attacks on the class clock, end it. Each staged letter is delivered through
 * Digital Post like any letter (arriving when the class clock passes its time); a staged
 * call rings on the participant's pages from its time on.
 */
export class WorkshopService {
  constructor(private readonly deps: WorkshopDeps) {}

  /** The workshop with this id if this teacher may see its class; otherwise nothing. */
  visibleWorkshop(teacherId: number, id: number): { workshop: Workshop; klass: ClassRow } | undefined {
    const workshop = this.deps.repo.workshop(id);
    const klass = workshop && this.deps.visibleClasses(teacherId).find((candidate) => candidate.id === workshop.classId);
    return workshop && klass ? { workshop, klass } : undefined;
  }

  /** Every workshop of the classes this teacher sees, newest first, with its class. */
  workshopsOf(teacherId: number): { workshop: Workshop; klass: ClassRow }[] {
    const classes = new Map(this.deps.visibleClasses(teacherId).map((klass) => [klass.id, klass]));
    return this.deps.repo.workshopsOf([...classes.keys()]).map((workshop) => ({ workshop, klass: classes.get(workshop.classId)! }));
  }

  /** Every workshop of one class, newest first, whoever ran it (a reset's archive keeps them all). */
  ofClass(classId: number): Workshop[] {
    return this.deps.repo.workshopsOf([classId]);
  }

  classes(teacherId: number): ClassRow[] {
    return this.deps.visibleClasses(teacherId).filter((klass) => klass.kind === 'class');
  }

  attacks(workshop: Workshop): Attack[] {
    return this.deps.repo.attacks(workshop.id);
  }

  now(workshop: Pick<Workshop, 'classId'>): number {
    return this.deps.clock.now(workshop.classId);
  }

  /** Starts a workshop for a class with its planned attacks, in one transaction. */
  start(klass: ClassRow, teacherId: number, plan: PlannedAttack[]): number {
    return this.deps.db.transaction(() => {
      const now = this.deps.clock.now(klass.id);
      const id = this.deps.repo.insertWorkshop(klass.id, teacherId, now, this.deps.realNow());
      this.deps.events.record({
        classId: klass.id,
        citizenId: null,
        actor: 'teacher',
        type: workshopEvents.started,
        rule: 'R5',
        data: { workshopId: id },
        at: now,
      });
      this.stage(this.deps.repo.workshop(id)!, plan);
      return id;
    })();
  }

  /** Adds attacks to a running workshop. */
  addAttacks(workshop: Workshop, plan: PlannedAttack[]): void {
    this.deps.db.transaction(() => this.stage(workshop, plan))();
  }

  /**
   * Ends the workshop. What the participants have already seen stays (letters that have
   * arrived, calls that rang); attacks that have not started are called off, so no call
   * rings and no letter arrives after the debrief.
   */
  end(workshop: Workshop): void {
    this.deps.db.transaction(() => {
      const now = this.now(workshop);
      if (!this.deps.repo.end(workshop.id, now)) return;
      const calledOff = this.deps.repo.attacksAfter(workshop.id, now);
      for (const attack of calledOff) {
        for (const target of this.deps.repo.targetsOfAttack(attack.id)) {
          if (target.letterId !== null) this.deps.mailbox.withdrawUnarrived(target.citizenId, target.letterId);
        }
        this.deps.repo.deleteAttack(attack.id);
      }
      this.deps.events.record({
        classId: workshop.classId,
        citizenId: null,
        actor: 'teacher',
        type: workshopEvents.ended,
        rule: 'R5',
        data: { workshopId: workshop.id, calledOff: calledOff.map((attack) => attack.kind) },
        at: now,
      });
    })();
  }

  private stage(workshop: Workshop, plan: PlannedAttack[]): void {
    const now = this.now(workshop);
    const participants = this.deps.citizens.listInClass(workshop.classId);
    for (const { kind, minutes } of plan) {
      const startsAt = now + minutes * 60_000;
      const attackId = this.deps.repo.insertAttack(workshop.id, kind, startsAt);
      this.deps.events.record({
        classId: workshop.classId,
        citizenId: null,
        actor: 'teacher',
        type: workshopEvents.attackScheduled,
        rule: 'R5',
        data: {
          workshopId: workshop.id,
          attackId,
          kind,
          startsAt,
          participants: participants.filter((citizen) => !attackPlans[kind].mitid || this.deps.holdsMitid(citizen.id)).length,
        },
        at: now,
      });
      for (const citizen of participants) {
        if (attackPlans[kind].mitid && !this.deps.holdsMitid(citizen.id)) continue;
        const token = newToken();
        const targetId = this.deps.repo.insertTarget(attackId, citizen.id, token);
        if (attackPlans[kind].channel !== 'letter') continue;
        this.deps.repo.setLetter(targetId, deliverStagedLetter(this.deps.mailbox, citizen.id, kind, token, startsAt));
      }
    }
  }
}
