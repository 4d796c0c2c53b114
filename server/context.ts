import { BankRepository } from './bank/bank-repository.ts';
import { BankService } from './bank/bank-service.ts';
import { BlockingRepository } from './blocking/blocking-repository.ts';
import { BlockingService } from './blocking/blocking-service.ts';
import { IssuerLetters } from './blocking/notices.ts';
import { SelfService } from './blocking/self-service-service.ts';
import { SupportService } from './blocking/support-service.ts';
import { TemporaryPasswordService } from './blocking/temporary-password-service.ts';
import { CitizenRepository } from './citizen/citizen-repository.ts';
import { ClassRepository } from './classes/class-repository.ts';
import { ClassClock, type RealNow } from './common/clock.ts';
import { EventLog } from './common/event-log.ts';
import { cryptoRandom, type RandomInt } from './common/random.ts';
import type { Secrets } from './common/secrets.ts';
import { SqliteSessionStore } from './common/session-store.ts';
import { DeskScenarioPart } from './enrolment/desk-scenario.ts';
import { EnrolmentRepository } from './enrolment/enrolment-repository.ts';
import { EnrolmentService } from './enrolment/enrolment-service.ts';
import { PublicAccess } from './enrolment/public-access.ts';
import { ExemptionRepository } from './exemption/exemption-repository.ts';
import { ExemptionService } from './exemption/exemption-service.ts';
import { ExerciseRepository } from './exercises/exercise-repository.ts';
import { ExerciseService } from './exercises/exercise-service.ts';
import { IssuerService } from './issuer/issuer-service.ts';
import { OperatorRepository } from './issuer/operator-repository.ts';
import { KeyCardCodes } from './keycard/keycard-codes.ts';
import { KeyCardRepository } from './keycard/keycard-repository.ts';
import { KeyCardService } from './keycard/keycard-service.ts';
import { LetterboxService } from './letterbox/letterbox-service.ts';
import { LoginService } from './login/login-service.ts';
import { CorrespondenceService } from './mailbox/correspondence-service.ts';
import { InboxService } from './mailbox/inbox-service.ts';
import { LetterRepository } from './mailbox/letter-repository.ts';
import { MailboxRepository } from './mailbox/mailbox-repository.ts';
import { MailboxService } from './mailbox/mailbox-service.ts';
import { ScenarioLetters, standardSendersFile } from './mailbox/scenario-letters.ts';
import { MitidRepository } from './mitid/mitid-repository.ts';
import { MitidScenarioPart } from './mitid/mitid-scenario-part.ts';
import { MitidService } from './mitid/mitid-service.ts';
import { ActivationService } from './mitid/activation-service.ts';
import { ScenarioLibrary } from './scenario/scenario-library.ts';
import { ScenarioService } from './scenario/scenario-service.ts';
import { NemidConfirmation } from './signature/nemid-confirmation.ts';
import { SignatureRepository } from './signature/signature-repository.ts';
import { SignatureService } from './signature/signature-service.ts';
import type { Db } from './storage/connection.ts';
import { TaxRepository } from './tax/tax-repository.ts';
import { TaxService } from './tax/tax-service.ts';
import { ArchiveRepository } from './teacher/archive-repository.ts';
import { ArchiveService } from './teacher/archive-service.ts';
import { ClassService } from './teacher/class-service.ts';
import { DeskService } from './teacher/desk-service.ts';
import { PrintService } from './teacher/print-service.ts';
import { ProgressService } from './teacher/progress-service.ts';
import { ScenarioShelf } from './teacher/scenario-shelf.ts';
import { StoryService } from './teacher/story-service.ts';
import { TeacherRepository } from './teacher/teacher-repository.ts';
import { TeacherService } from './teacher/teacher-service.ts';
import { TimeService } from './time/time-service.ts';
import { AttackerService } from './workshop/attacker-service.ts';
import { CallService } from './workshop/call-service.ts';
import { DebriefService } from './workshop/debrief-service.ts';
import { LookAlikeService } from './workshop/lookalike-service.ts';
import { MitidAttackService } from './workshop/mitid-attacks.ts';
import { PacingService } from './workshop/pacing-service.ts';
import { QuizService } from './workshop/quiz.ts';
import { Relay } from './workshop/relay.ts';
import { ReportService } from './workshop/report-service.ts';
import { TargetEvents } from './workshop/workshop-events.ts';
import { WorkshopRepository } from './workshop/workshop-repository.ts';
import { WorkshopService } from './workshop/workshop-service.ts';

/**
 * The composition root: how the whole sandbox is wired. Every repository and service is
 * built here, once, over one database, in the order they depend on each other; nothing
 * refers to a part built further down. The server, the CLI, the bench and the tests all
 * build it the same way; a test may pass its own clock and a seeded random source for what
 * it generates (fictional identities, card numbers and nonces, the asked key, join codes,
 * the staged caller's key). Route factories take only the parts they use (`Pick<Context, ...>`).
 *
 * Two places where a later part takes part in an earlier one, both explicit and set here:
 * - `mailbox.onDelivered(...)`: the bank pays in a payslip when it is delivered (R9); the
 *   mailbox is built first, since every domain sends letters through it.
 * - the ScenarioService is handed the parts of other domains it fills and restores
 *   (`parts`) and what keeps an archive before a reset (`beforeReset`), all built above it.
 */
export function createContext(options: {
  db: Db;
  secrets: Secrets;
  scenarioDir: string;
  scenarioUploadDir?: string;
  realNow?: RealNow;
  random?: RandomInt;
}) {
  const { db, secrets } = options;
  const random = options.random ?? cryptoRandom;
  const realNow = options.realNow ?? Date.now;

  // The core: classes and their clocks, the NemID holders, key cards, the event log, sessions, scenario files.
  const classes = new ClassRepository(db, random);
  const citizens = new CitizenRepository(db);
  const clock = new ClassClock(classes, realNow);
  const events = new EventLog(db, realNow);
  const keycardCodes = new KeyCardCodes(secrets.keycard);
  const keycards = new KeyCardService(new KeyCardRepository(db), keycardCodes, random);
  const sessionStore = new SqliteSessionStore(db, realNow);
  const endSessions = (ids: number[]) => sessionStore.endCitizenSessions(ids);
  const library = new ScenarioLibrary(options.scenarioDir, options.scenarioUploadDir);
  const mitidRepo = new MitidRepository(db);
  const mitid = new MitidService({ classes, citizens, clock, events, repo: mitidRepo, random });
  const activation = new ActivationService({ citizens, clock, events, repo: mitidRepo });
  const teachers = new TeacherRepository(db);
  const exercises = new ExerciseService({ repo: new ExerciseRepository(db), classes, clock, events, library });

  // Delivery of Digital Post (R8-R10): every other domain sends its letters through it.
  const letters = new LetterRepository(db);
  const mailboxes = new MailboxRepository(db);
  const mailbox = new MailboxService({ db, citizens, clock, events, mailboxes, letters });
  const base = { db, classes, citizens, keycards, clock, events, mailbox, endSessions, realNow, random };

  // What the login asks of other domains: temporary passwords from the issuer (R13-R15) and
  // whether a bank NemID may use public self-service yet (R7, its own small service: the
  // EnrolmentService issues a NemID through the scenario service, built further down).
  const blockingRepo = new BlockingRepository(db);
  const issuerLetters = new IssuerLetters(mailbox);
  const blocking = new BlockingService({ ...base, repo: blockingRepo, letters: issuerLetters });
  const temporaryPasswords = new TemporaryPasswordService({ ...base, repo: blockingRepo, letters: issuerLetters, blocking });
  const enrolmentRepo = new EnrolmentRepository(db);
  const publicAccess = new PublicAccess({ enrolment: enrolmentRepo, clock, events });

  // The login (R4), letting time pass, and the issuer's services built over the login.
  const login = new LoginService({
    db,
    classes,
    citizens,
    keycards,
    clock,
    events,
    endSessions,
    temporaryPasswords,
    publicAccess,
    holdsNemid: (id) => mitid.holdsNemid(id),
  });
  const time = new TimeService({ citizens, clock, events, login, mailbox });
  const issuerParts = { ...base, repo: blockingRepo, letters: issuerLetters, blocking, temporaryPasswords, login };
  const selfService = new SelfService(issuerParts);
  const support = new SupportService(issuerParts);
  const issuer = new IssuerService({ ...issuerParts, operators: new OperatorRepository(db) });
  const letterbox = new LetterboxService({ classes, citizens, clock, events, mailbox, login, time });

  // The rest of Digital Post and the services on the same NemID (R2, R3, R11): `ctx.post`.
  const inbox = new InboxService(mailbox, letters, mailboxes, events, clock);
  const bank = new BankService(new BankRepository(db), clock, events);
  mailbox.onDelivered((letter) => bank.payslipDelivered(letter));
  const post = {
    citizen: (citizenId: number) => mailbox.citizen(citizenId),
    inbox,
    correspondence: new CorrespondenceService(mailbox, inbox, letters, citizens, events, clock),
    bank,
    tax: new TaxService(new TaxRepository(db), mailbox, letters, events),
    confirmation: new NemidConfirmation({
      ...base,
      checkPassword: (id, password) => login.checkPassword(id, password),
      challenge: (id) => login.challenge(id),
    }),
    signatures: new SignatureService(new SignatureRepository(db), inbox, clock, events, secrets.keycard),
  };
  const scenarioLetters = new ScenarioLetters(mailboxes, mailbox, standardSendersFile);

  // Teacher accounts, and the security workshop (R5, R14) over the login: `ctx.workshop`.
  const teacherAccounts = new TeacherService(teachers, classes, events, realNow);
  const workshopRepo = new WorkshopRepository(db);
  const targetEvents = new TargetEvents(events, clock);
  const relay = new Relay(login, keycards, keycardCodes, clock);
  const debrief = new DebriefService({ repo: workshopRepo, citizens, clock, events });
  const mitidAttacks = new MitidAttackService({ repo: workshopRepo, mitid, events: targetEvents });
  mitid.onDecision((request) => mitidAttacks.decided(request));
  const workshop = {
    workshops: new WorkshopService({
      db,
      repo: workshopRepo,
      citizens,
      clock,
      events,
      mailbox,
      realNow,
      visibleClasses: (id) => teacherAccounts.visibleClasses(id),
      holdsMitid: (id) => mitid.identityOf(id) !== undefined,
    }),
    mitidAttacks,
    debrief,
    pacing: new PacingService({ db, repo: workshopRepo, clock, events, mailbox }),
    lookAlike: new LookAlikeService({ repo: workshopRepo, citizens, relay, events: targetEvents }),
    calls: new CallService({
      repo: workshopRepo,
      citizens,
      relay,
      events: targetEvents,
      random,
      sendMitidRequest: (target) => void mitidAttacks.sendRequest(target),
    }),
    reports: new ReportService({ repo: workshopRepo, mailbox, events, targetEvents }),
    attacker: new AttackerService({ repo: workshopRepo, citizens, relay, debrief, events: targetEvents, mailbox, mitidAttacks }),
    quiz: new QuizService({ events, citizens, clock }),
  };

  // The teacher's view of a class, and the archive every reset keeps of it first, whoever resets.
  const progress = new ProgressService({
    citizens,
    keycards,
    clock,
    events,
    unreadLetters: (citizen) =>
      mailbox
        .arrivedLetters(citizen.id)
        .filter(
          (letter) => letter.direction === 'in' && letter.channel === 'digital' && letter.readAt === null && letter.trashedAt === null,
        ).length,
    identityOf: (citizen) => ({ ...mitid.statusOf(citizen.id), mitidUserId: mitid.identityOf(citizen.id)?.userId ?? null }),
    exercisesDone: (citizen) => {
      const done = exercises.progress(citizen);
      return done.exercises.length > 0 ? done.doneCount : null;
    },
  });
  const archives = new ArchiveService({
    repo: new ArchiveRepository(db),
    citizens,
    events,
    progress,
    debrief,
    workshopsOfClass: (classId) => workshop.workshops.ofClass(classId),
    realNow,
  });

  // Scenarios: loading a class and resetting it, with what each domain gives a trainee.
  const scenarios = new ScenarioService({
    ...base,
    library,
    parts: [
      { load: (classId, scenario) => bank.load(classId, scenario), restore: (citizenId, classId) => bank.restore(citizenId, classId) },
      {
        load: (classId, scenario, name) => scenarioLetters.load(classId, scenario, `scenario ${name}`),
        restore: (citizenId, classId, position, now) => scenarioLetters.restore(citizenId, classId, position, now),
      },
      new DeskScenarioPart({ ...base, enrolment: enrolmentRepo }),
      exercises.scenarioPart,
      new MitidScenarioPart(citizens, mitidRepo),
    ],
    mitidOwner: (userId) => mitidRepo.byUserId(userId)?.citizenId,
    beforeReset: (reset) => archives.keep(reset),
  });

  // Getting a NemID at a desk (R6-R8) and exemption from Digital Post (R16-R21).
  const enrolment = new EnrolmentService({ ...base, scenarios, enrolment: enrolmentRepo });
  const exemption = new ExemptionService({ ...base, exemptions: new ExemptionRepository(db) });

  // The teacher console's services (`ctx.teacherConsole`).
  const teacherConsole = {
    teachers: teacherAccounts,
    classes: new ClassService({ classes, citizens, clock, events, scenarios, library, teachers: teacherAccounts, time }),
    progress,
    archives,
    shelf: new ScenarioShelf(library, events, realNow),
    story: new StoryService(db, mailbox, blocking),
    desk: new DeskService(exemption, enrolment),
    printing: new PrintService({ db, citizens, keycards, clock, events, mitid, activation }),
  };

  return {
    db,
    secrets,
    realNow,
    random,
    mitid,
    activation,
    exercises,
    classes,
    citizens,
    clock,
    time,
    events,
    keycards,
    sessionStore,
    library,
    scenarios,
    login,
    teachers,
    mailbox,
    post,
    progress,
    archives,
    blocking,
    temporaryPasswords,
    selfService,
    support,
    issuer,
    letterbox,
    publicAccess,
    enrolment,
    exemption,
    workshop,
    teacherConsole,
  };
}

export type Context = ReturnType<typeof createContext>;

/** Digital Post and the services on the same NemID, as the routes of mailbox, signature, tax, bank and portal take it. */
export type DigitalPost = Context['post'];

/** The security workshop's services, as its routes take them. */
export type WorkshopParts = Context['workshop'];
