import { BankRepository } from './bank/bank-repository.ts';
import { BankService } from './bank/bank-service.ts';
import type { CitizenRepository } from './citizen/citizen-repository.ts';
import type { ClassClock } from './common/clock.ts';
import type { EventLog } from './common/event-log.ts';
import type { Secrets } from './common/secrets.ts';
import type { KeyCardService } from './keycard/keycard-service.ts';
import type { ScenarioPart } from './scenario/scenario-service.ts';
import { NemidConfirmation, type ConfirmationDeps } from './signature/nemid-confirmation.ts';
import { SignatureRepository } from './signature/signature-repository.ts';
import { SignatureService } from './signature/signature-service.ts';
import type { Db } from './storage/connection.ts';
import { TaxRepository } from './tax/tax-repository.ts';
import { TaxService } from './tax/tax-service.ts';
import type { ClassRepository } from './classes/class-repository.ts';
import { CorrespondenceService } from './mailbox/correspondence-service.ts';
import { InboxService } from './mailbox/inbox-service.ts';
import { LetterRepository } from './mailbox/letter-repository.ts';
import { MailboxRepository } from './mailbox/mailbox-repository.ts';
import type { MailboxService } from './mailbox/mailbox-service.ts';
import { ScenarioLetters, standardSendersFile } from './mailbox/scenario-letters.ts';


/**
 * Wires Digital Post and the services that log in with the same NemID (R2, R11): the
 * mailbox's reading, writing and scenario letters, the tax folder, the online bank and
 * digital signatures. `ctx.post` in the context.
 */
export function digitalPost(deps: {
  db: Db;
  secrets: Secrets;
  classes: ClassRepository;
  citizens: CitizenRepository;
  clock: ClassClock;
  events: EventLog;
  keycards: KeyCardService;
  mailbox: MailboxService;
  endSessions: (citizenIds: number[]) => void;
  checkPassword: ConfirmationDeps['checkPassword'];
  challenge: ConfirmationDeps['challenge'];
}) {
  const { db, mailbox, events, clock, citizens } = deps;
  const letters = new LetterRepository(db);
  const mailboxes = new MailboxRepository(db);
  const inbox = new InboxService(mailbox, letters, mailboxes, events);
  const correspondence = new CorrespondenceService(mailbox, inbox, letters, citizens, events);
  const bank = new BankService(new BankRepository(db), clock, events);
  mailbox.onDelivered((letter) => bank.payslipDelivered(letter));
  const tax = new TaxService(new TaxRepository(db), mailbox, letters, events);
  const confirmation = new NemidConfirmation(deps);
  const signatures = new SignatureService(new SignatureRepository(db), inbox, clock, events, deps.secrets.keycard);
  const scenarioLetters = new ScenarioLetters(mailboxes, mailbox, standardSendersFile);
  const scenarioParts: ScenarioPart[] = [
    { load: (classId, scenario) => bank.load(classId, scenario), restore: (citizenId, classId) => bank.restore(citizenId, classId) },
    {
      load: (classId, scenario, name) => scenarioLetters.load(classId, scenario, `scenario ${name}`),
      restore: (citizenId, classId, position, now) => scenarioLetters.restore(citizenId, classId, position, now),
    },
  ];
  return { citizen: (citizenId: number) => mailbox.citizen(citizenId), inbox, correspondence, bank, tax, confirmation, signatures, scenarioParts };
}

export type DigitalPost = ReturnType<typeof digitalPost>;
