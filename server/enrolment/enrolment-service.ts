import type { CitizenRepository } from '../citizen/citizen-repository.ts';
import type { Citizen } from '../citizen/types.ts';
import type { ClassClock } from '../common/clock.ts';
import type { EventLog } from '../common/event-log.ts';
import type { RandomInt } from '../common/random.ts';
import { localised, type MailboxService } from '../mailbox/mailbox-service.ts';
import type { ScenarioService } from '../scenario/scenario-service.ts';
import type { ClassRepository } from '../classes/class-repository.ts';
import { newSelfStudyClassCode } from '../classes/join-code.ts';
import { bankSender } from './desk-scenario.ts';
import type { EnrolmentRepository } from './enrolment-repository.ts';
import { deskScenarios, type CheckResult, type Desk, type DeskApplication, type DeskCheck } from './types.ts';

export interface EnrolmentDeps {
  classes: ClassRepository;
  citizens: CitizenRepository;
  /** Issues a NemID by loading the desk's scenario into a class of one. */
  scenarios: ScenarioService;
  clock: ClassClock;
  events: EventLog;
  mailbox: MailboxService;
  enrolment: EnrolmentRepository;
  /** Real time, for the log of a visitor who has no class (and so no class clock) yet. */
  realNow: () => number;
  /** Draws the class code of the practice identity's class. */
  random: RandomInt;
}

/** Who stands at the desk: the trainee's current NemID holder, if the sandbox knows one (for the event log). */
export interface DeskVisit {
  visitor?: Citizen;
  /** The hash of the token that will own the new identity (as practising alone). */
  ownerTokenHash: string;
  /** The visitor's earlier practice class, replaced by the new identity. */
  replacesClassId?: number;
}

export type DeskOutcome = { ok: true; citizen: Citizen } | { ok: false; checks: CheckResult[] };

export type ActivationOutcome = { ok: true } | { ok: false; reason: 'no-id' | 'already-active' };

const adultAge = 18;

/**
 * Getting a NemID (R6, R7, R8): the case worker's and the bank clerk's checks, the NemID
 * issued as a new identity in a class of one, and the bank's activation of a bank NemID
 * for public self-service. The one place that decides anything about it.
 */
export class EnrolmentService {
  constructor(private readonly deps: EnrolmentDeps) {}

  /** Every rule the desk checks, in the order the case worker goes through them (R6) or the clerk (R7). */
  checks(desk: Desk, application: DeskApplication): CheckResult[] {
    const results: [DeskCheck, boolean][] = [
      ['applicant-cpr', application.hasCpr],
      ['applicant-id', application.bringsId],
      ['applicant-cpr-document', application.bringsCprDocument],
    ];
    if (desk === 'borgerservice') {
      const witness = application.witness;
      results.push(
        ['witness-adult', witness !== undefined && witness.age >= adultAge],
        ['witness-cpr', witness?.cpr != null],
        ['witness-id', witness?.bringsId === true],
        ['witness-declaration', witness?.signsDeclaration === true],
      );
    }
    return results.map(([check, ok]) => ({ check, ok }));
  }

  /** The desk checks the application; when every rule holds, NemID is issued with its mailbox, in one transaction. */
  async apply(desk: Desk, application: DeskApplication, visit: DeskVisit): Promise<DeskOutcome> {
    const checks = this.checks(desk, application);
    const rule = desk === 'bank' ? 'R7' : 'R6';
    const failed = checks.filter((check) => !check.ok).map((check) => check.check);
    if (failed.length > 0) {
      this.recordForVisitor(visit.visitor, 'nemid-refused', rule, { desk, failed });
      return { ok: false, checks };
    }
    const klass = await this.deps.scenarios.load(deskScenarios[desk], {
      classCode: newSelfStudyClassCode(this.deps.random),
      className: 'Self-study',
      traineeCount: 1,
      kind: 'selfstudy',
      ownerTokenHash: visit.ownerTokenHash,
      actor: 'trainee',
    });
    if (visit.replacesClassId !== undefined && visit.replacesClassId !== klass.id) this.deps.classes.delete(visit.replacesClassId);
    return { ok: true, citizen: this.deps.citizens.listInClass(klass.id)[0]! };
  }

  hasPublicAccess(citizenId: number): boolean {
    return this.deps.enrolment.hasPublicAccess(citizenId);
  }

  /** R7: at the bank, the holder shows ID and the clerk activates the NemID for public self-service. */
  activatePublicAccess(citizen: Citizen, showsId: boolean): ActivationOutcome {
    if (this.deps.enrolment.hasPublicAccess(citizen.id)) return { ok: false, reason: 'already-active' };
    if (!showsId) {
      this.deps.events.recordFor(citizen, this.deps.clock, {
        type: 'public-access-activation-refused',
        rule: 'R7',
        data: { reason: 'no-id' },
      });
      return { ok: false, reason: 'no-id' };
    }
    if (!this.deps.enrolment.setPublicAccess(citizen.id, true)) return { ok: false, reason: 'already-active' };
    this.deps.events.recordFor(citizen, this.deps.clock, { type: 'public-access-activated', rule: 'R7', actor: 'system' });
    this.deps.mailbox.deliver(
      citizen.id,
      {
        sender: bankSender,
        subject: localised('enrolment:letters.activated.subject'),
        body: localised('enrolment:letters.activated.body', { name: citizen.name }),
      },
      { rule: 'R7', senderKind: 'company' },
    );
    return { ok: true };
  }

  private recordForVisitor(visitor: Citizen | undefined, type: string, rule: string, data: Record<string, unknown>): void {
    if (visitor) return this.deps.events.recordFor(visitor, this.deps.clock, { type, rule, data });
    this.deps.events.record({ classId: null, citizenId: null, actor: 'anonymous', type, rule, data, at: this.deps.realNow() });
  }
}
