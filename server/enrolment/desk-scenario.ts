import type { CitizenRepository } from '../citizen/citizen-repository.ts';
import { addWorkingDays } from '../common/clock.ts';
import type { EventLog } from '../common/event-log.ts';
import { postDeliveryWorkingDays } from '../keycard/keycard-service.ts';
import { localised, type MailboxService } from '../mailbox/mailbox-service.ts';
import type { ScenarioPart } from '../scenario/scenario-service.ts';
import type { ClassRepository } from '../classes/class-repository.ts';
import type { EnrolmentRepository } from './enrolment-repository.ts';
import { bankScenarios, deskOfScenario } from './types.ts';

export const bankSender = 'Fiktiv Bank A/S';
export const municipalitySender = 'kommune';

export interface DeskScenarioDeps {
  classes: ClassRepository;
  citizens: CitizenRepository;
  events: EventLog;
  mailbox: MailboxService;
  enrolment: EnrolmentRepository;
}

/**
 * The part of a desk scenario (`nemid-borgerservice`, `nemid-bank`) that a NemID holder
 * gets with the NemID, restored with every trainee (issue, reset): the mailbox's first
 * letter (R8), and for a bank NemID the welcome letter (NemID number and temporary
 * password) and, in a letter of its own, the key card, both by post, arriving after a few
 * working days, and the block on public self-service until the bank activates it (R7),
 * which the scenario `bank-nemid-not-activated` gives its trainees too.
 */
export class DeskScenarioPart implements ScenarioPart {
  constructor(private readonly deps: DeskScenarioDeps) {}

  load(): void {}

  restore(citizenId: number, classId: number, _position: number, now: number): void {
    const scenario = this.deps.classes.findById(classId)?.scenario ?? '';
    if (bankScenarios.includes(scenario)) this.deps.enrolment.setPublicAccess(citizenId, false);
    const desk = deskOfScenario(scenario);
    if (!desk) return;
    const { citizens, events, mailbox } = this.deps;
    const citizen = citizens.findById(citizenId)!;
    const rule = desk === 'bank' ? 'R7' : 'R6';
    events.record({
      classId,
      citizenId,
      actor: 'system',
      type: 'nemid-issued',
      rule,
      data: { desk, nemidNumber: citizen.nemidNumber },
      at: now,
    });
    events.record({ classId, citizenId, actor: 'system', type: 'mailbox-created', rule: 'R8', data: { desk }, at: now });
    mailbox.deliver(
      citizenId,
      {
        sender: municipalitySender,
        subject: localised('enrolment:letters.mailbox.subject'),
        body: localised('enrolment:letters.mailbox.body', { name: citizen.name }),
      },
      { at: now, rule: 'R8', senderKind: 'public' },
    );
    if (desk !== 'bank') return;
    const params = { name: citizen.name, nemidNumber: citizen.nemidNumber, password: citizens.blueprintOf(citizenId).knownPassword };
    // Two letters, as the banks sent them: whoever finds one does not hold the whole NemID (R5: never keep the password with the key card).
    const post = { at: addWorkingDays(now, postDeliveryWorkingDays), rule: 'R7', senderKind: 'company' } as const;
    mailbox.sendPaperPost(
      citizenId,
      {
        sender: bankSender,
        kind: 'notice',
        subject: localised('enrolment:letters.bankWelcome.subject'),
        body: localised('enrolment:letters.bankWelcome.body', params),
        data: { welcomeLetter: true },
      },
      post,
    );
    mailbox.sendPaperPost(
      citizenId,
      {
        sender: bankSender,
        kind: 'notice',
        subject: localised('enrolment:letters.bankKeyCard.subject'),
        body: localised('enrolment:letters.bankKeyCard.body', { name: citizen.name }),
        data: { keyCardLetter: true },
      },
      post,
    );
  }
}
