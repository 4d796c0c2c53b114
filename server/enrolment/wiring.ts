import type { CitizenRepository } from '../citizen/citizen-repository.ts';
import type { ClassClock } from '../common/clock.ts';
import type { EventLog } from '../common/event-log.ts';
import type { RandomInt } from '../common/random.ts';
import { ExemptionRepository } from '../exemption/exemption-repository.ts';
import { ExemptionService } from '../exemption/exemption-service.ts';
import type { MailboxService } from '../mailbox/mailbox-service.ts';
import type { ScenarioService } from '../scenario/scenario-service.ts';
import type { Db } from '../storage/connection.ts';
import type { ClassRepository } from '../classes/class-repository.ts';
import { DeskScenarioPart } from './desk-scenario.ts';
import { EnrolmentRepository } from './enrolment-repository.ts';
import { EnrolmentService } from './enrolment-service.ts';
import { publicAccessHook } from './public-access.ts';

/**
 * Wires getting a NemID and exemption from Digital Post: the desk scenarios' part (given
 * to the scenario service), the login's public-access question, and the two services.
 * The scenario service is asked for lazily, since it is built with this part.
 */
export function enrolmentWiring(deps: {
  db: Db;
  classes: ClassRepository;
  citizens: CitizenRepository;
  clock: ClassClock;
  events: EventLog;
  mailbox: MailboxService;
  realNow: () => number;
  scenarios: () => ScenarioService;
  random: RandomInt;
}) {
  const repo = new EnrolmentRepository(deps.db);
  const scenarioPart = new DeskScenarioPart({ ...deps, enrolment: repo });
  const enrolment = new EnrolmentService({ ...deps, enrolment: repo });
  const exemption = new ExemptionService({ ...deps, exemptions: new ExemptionRepository(deps.db) });
  return { scenarioPart, enrolment, exemption, publicAccess: publicAccessHook(enrolment) };
}
