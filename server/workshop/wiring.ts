import type { CitizenRepository } from '../citizen/citizen-repository.ts';
import type { ClassClock } from '../common/clock.ts';
import type { EventLog } from '../common/event-log.ts';
import type { RandomInt } from '../common/random.ts';
import type { Secrets } from '../common/secrets.ts';
import { KeyCardCodes } from '../keycard/keycard-codes.ts';
import type { KeyCardService } from '../keycard/keycard-service.ts';
import type { LoginService } from '../login/login-service.ts';
import type { MailboxService } from '../mailbox/mailbox-service.ts';
import type { Db } from '../storage/connection.ts';
import type { ClassRepository } from '../classes/class-repository.ts';
import type { TeacherRepository } from '../teacher/teacher-repository.ts';
import { TeacherService } from '../teacher/teacher-service.ts';
import { AttackerService } from './attacker-service.ts';
import { CallService } from './call-service.ts';
import { DebriefService } from './debrief-service.ts';
import { LookAlikeService } from './lookalike-service.ts';
import { PacingService } from './pacing-service.ts';
import { QuizService } from './quiz.ts';
import { Relay } from './relay.ts';
import { ReportService } from './report-service.ts';
import { TargetEvents } from './workshop-events.ts';
import { WorkshopRepository } from './workshop-repository.ts';
import { WorkshopService } from './workshop-service.ts';

/** The security workshop's services (`ctx.workshop`), wired over the sandbox's parts. */
export function workshopParts(deps: {
  db: Db;
  secrets: Secrets;
  realNow: () => number;
  classes: ClassRepository;
  citizens: CitizenRepository;
  clock: ClassClock;
  events: EventLog;
  keycards: KeyCardService;
  login: LoginService;
  mailbox: MailboxService;
  teachers: TeacherRepository;
  random: RandomInt;
}) {
  const { db, citizens, clock, events, mailbox } = deps;
  const repo = new WorkshopRepository(db);
  const teachers = new TeacherService(deps.teachers, deps.classes);
  const targetEvents = new TargetEvents(events, clock);
  const relay = new Relay(deps.login, deps.keycards, new KeyCardCodes(deps.secrets.keycard), clock);
  const workshops = new WorkshopService({ db, repo, citizens, clock, events, mailbox, realNow: deps.realNow, visibleClasses: (id) => teachers.visibleClasses(id) });
  const debrief = new DebriefService({ repo, citizens, clock, events });
  return {
    workshops,
    debrief,
    pacing: new PacingService({ db, repo, clock, events, mailbox }),
    lookAlike: new LookAlikeService({ repo, citizens, relay, events: targetEvents }),
    calls: new CallService({ repo, citizens, relay, events: targetEvents, random: deps.random }),
    reports: new ReportService({ repo, mailbox, events, targetEvents }),
    attacker: new AttackerService({ repo, citizens, relay, debrief, events: targetEvents, mailbox }),
    quiz: new QuizService({ events, citizens, clock }),
  };
}

export type WorkshopParts = ReturnType<typeof workshopParts>;
