import { blockingCore, issuerSide } from './blocking/wiring.ts';
import { CitizenRepository } from './citizen/citizen-repository.ts';
import { enrolmentWiring } from './enrolment/wiring.ts';
import { ClassClock, type RealNow } from './common/clock.ts';
import { EventLog } from './common/event-log.ts';
import { IssuerService } from './issuer/issuer-service.ts';
import { OperatorRepository } from './issuer/operator-repository.ts';
import { cryptoRandom, type RandomInt } from './common/random.ts';
import { ExerciseRepository } from './exercises/exercise-repository.ts';
import { ExerciseService } from './exercises/exercise-service.ts';
import type { Secrets } from './common/secrets.ts';
import { SqliteSessionStore } from './common/session-store.ts';
import { KeyCardCodes } from './keycard/keycard-codes.ts';
import { KeyCardRepository } from './keycard/keycard-repository.ts';
import { KeyCardService } from './keycard/keycard-service.ts';
import { LetterRepository } from './mailbox/letter-repository.ts';
import { MailboxRepository } from './mailbox/mailbox-repository.ts';
import { digitalPost } from './digital-post.ts';
import { MailboxService } from './mailbox/mailbox-service.ts';
import { LetterboxService } from './letterbox/letterbox-service.ts';
import { LoginService } from './login/login-service.ts';
import { MitidRepository } from './mitid/mitid-repository.ts';
import { MitidScenarioPart } from './mitid/mitid-scenario-part.ts';
import { MitidService } from './mitid/mitid-service.ts';
import { ActivationService } from './mitid/activation-service.ts';
import { ScenarioLibrary } from './scenario/scenario-library.ts';
import { ScenarioService } from './scenario/scenario-service.ts';
import type { Db } from './storage/connection.ts';
import { ArchiveRepository } from './teacher/archive-repository.ts';
import { ArchiveService } from './teacher/archive-service.ts';
import { ClassRepository } from './teacher/class-repository.ts';
import { ProgressService } from './teacher/progress-service.ts';
import { TeacherRepository } from './teacher/teacher-repository.ts';
import { workshopParts } from './workshop/wiring.ts';

/**
 * The sandbox's repositories and services, wired once over one database. The server,
 * the CLI and the tests all build it the same way; a test may pass its own clock and a
 * seeded random source for what it generates (fictional identities, card numbers and
 * nonces, the asked key, join codes, the staged caller's key).
 */
export function createContext(options: { db: Db; secrets: Secrets; scenarioDir: string; scenarioUploadDir?: string; realNow?: RealNow; random?: RandomInt }) {
  const { db, secrets } = options;
  const random = options.random ?? cryptoRandom;
  const realNow = options.realNow ?? Date.now;
  const classes = new ClassRepository(db, random);
  const citizens = new CitizenRepository(db);
  const clock = new ClassClock(classes, realNow);
  const events = new EventLog(db, realNow);
  const keycards = new KeyCardService(new KeyCardRepository(db), new KeyCardCodes(secrets.keycard), random);
  const sessionStore = new SqliteSessionStore(db, realNow);
  const mitidRepo = new MitidRepository(db);
  const mitid = new MitidService({ classes, citizens, clock, events, repo: mitidRepo, random });
  const activation = new ActivationService({ citizens, clock, events, repo: mitidRepo });
  const library = new ScenarioLibrary(options.scenarioDir, options.scenarioUploadDir);
  const exercises = new ExerciseService({ repo: new ExerciseRepository(db), classes, clock, events, library });
  const mailbox = new MailboxService({ db, citizens, clock, events, mailboxes: new MailboxRepository(db), letters: new LetterRepository(db) });
  const endSessions = (ids: number[]) => sessionStore.endCitizenSessions(ids);
  const post = digitalPost({ db, secrets, classes, citizens, clock, events, keycards, mailbox, endSessions, checkPassword: (id, pw) => login.checkPassword(id, pw), challenge: (id) => login.challenge(id) });
  const desks = enrolmentWiring({ db, classes, citizens, clock, events, mailbox, realNow, random, scenarios: () => scenarios });
  const scenarios = new ScenarioService({ db, classes, citizens, keycards, clock, events, library, endSessions, random, parts: [...post.scenarioParts, desks.scenarioPart, exercises.scenarioPart, new MitidScenarioPart(citizens, mitidRepo)], mitidOwner: (userId) => mitidRepo.byUserId(userId)?.citizenId, beforeReset: (reset) => archives.keep(reset) });
  const issuerBase = { db, classes, citizens, keycards, clock, events, mailbox, endSessions, realNow, random };
  const blockingParts = blockingCore(issuerBase);
  const login = new LoginService({ db, classes, citizens, keycards, clock, events, endSessions, temporaryPasswords: blockingParts.temporaryPasswords, publicAccess: desks.publicAccess, holdsNemid: (id) => mitid.holdsNemid(id) });
  const { blocking, temporaryPasswords, selfService, support } = issuerSide(issuerBase, blockingParts, login);
  const issuer = new IssuerService({ ...issuerBase, ...blockingParts, login, operators: new OperatorRepository(db) });
  const teachers = new TeacherRepository(db);
  const letterbox = new LetterboxService({ classes, citizens, clock, events, mailbox, login });
  const workshop = workshopParts({ db, secrets, realNow, classes, citizens, clock, events, keycards, login, mailbox, teachers, random });
  // The teacher's view of a class; also what a reset archives first, whoever resets.
  const progress = new ProgressService({
    citizens,
    keycards,
    clock,
    events,
    unreadLetters: (citizen) =>
      mailbox.arrivedLetters(citizen.id).filter((letter) => letter.direction === 'in' && letter.channel === 'digital' && letter.readAt === null && letter.trashedAt === null).length,
    exercisesDone: (citizen) => {
      const done = exercises.progress(citizen);
      return done.exercises.length > 0 ? done.doneCount : null;
    },
  });
  const archives = new ArchiveService({ repo: new ArchiveRepository(db), citizens, events, progress, debrief: workshop.debrief, workshopsOfClass: (classId) => workshop.workshops.ofClass(classId), realNow });
  return { db, secrets, realNow, random, mitid, activation, exercises, classes, citizens, clock, events, keycards, sessionStore, library, scenarios, login, teachers, mailbox, post, progress, archives, blocking, temporaryPasswords, selfService, support, issuer, letterbox, enrolment: desks.enrolment, exemption: desks.exemption, workshop };
}

export type Context = ReturnType<typeof createContext>;
