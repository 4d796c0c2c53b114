import type { CitizenRepository } from '../citizen/citizen-repository.ts';
import type { Citizen } from '../citizen/types.ts';
import type { ClassClock } from '../common/clock.ts';
import type { EventLog } from '../common/event-log.ts';
import type { ScenarioLibrary } from '../scenario/scenario-library.ts';
import type { ScenarioService } from '../scenario/scenario-service.ts';
import type { ClassRepository } from '../classes/class-repository.ts';
import type { TeacherService } from './teacher-service.ts';
import type { ClassRow } from '../classes/types.ts';
import type { ClockStep } from '../common/clock.ts';
import type { TimeService } from '../time/time-service.ts';

export interface ClassDeps {
  classes: ClassRepository;
  citizens: CitizenRepository;
  clock: ClassClock;
  events: EventLog;
  scenarios: ScenarioService;
  library: ScenarioLibrary;
  teachers: TeacherService;
  /** Moves the class clock and settles what fell due (server/time/). */
  time: TimeService;
}

export interface NewClassInput {
  code: string;
  name: string;
  scenario: string;
  trainees: number;
  instructions: string;
}

export type ClassErrors = Partial<Record<keyof NewClassInput, string[]>>;

/**
 * A teacher's classes: creating one from a scenario, its join code and instructions,
 * resetting it, and moving its clock. Which classes a teacher may touch is decided by
 * TeacherService; this service is only handed classes the teacher may see.
 */
export class ClassService {
  constructor(private readonly deps: ClassDeps) {}

  /** Creates a class of generated trainees from a scenario, owned by this teacher. */
  async create(teacherId: number, input: NewClassInput): Promise<{ ok: true; klass: ClassRow } | { ok: false; errors: ClassErrors }> {
    const errors: ClassErrors = {};
    if (this.deps.classes.findByCode(input.code)) errors.code = ['teacher:newClass.errors.codeTaken'];
    if (!this.deps.library.names().includes(input.scenario)) errors.scenario = ['teacher:newClass.errors.scenarioUnknown'];
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    let klass: ClassRow;
    try {
      klass = await this.deps.scenarios.load(input.scenario, {
        classCode: input.code,
        className: input.name,
        traineeCount: input.trainees,
        teacherId,
        actor: 'teacher',
      });
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE')
        return { ok: false, errors: { code: ['teacher:newClass.errors.codeTaken'] } };
      if ((error as Error).name === 'ScenarioInvalid')
        return { ok: false, errors: { scenario: ['teacher:newClass.errors.scenarioInvalid'] } };
      throw error;
    }
    if (input.instructions.trim()) this.deps.classes.setInstructions(klass.id, input.instructions.trim());
    return { ok: true, klass: this.deps.classes.findById(klass.id)! };
  }

  /** The class a trainee finds with a join code (already normalised: 6 capitals or digits). */
  findByJoinCode(joinCode: string): ClassRow | undefined {
    return this.deps.classes.findByJoinCode(joinCode);
  }

  setInstructions(klass: ClassRow, teacherId: number, instructions: string): void {
    this.deps.classes.setInstructions(klass.id, instructions.trim());
    this.deps.events.record({
      classId: klass.id,
      citizenId: null,
      actor: 'teacher',
      type: 'instructions-changed',
      rule: null,
      data: { teacherId },
      at: this.deps.clock.now(klass.id),
    });
  }

  /** The trainee with this id if they are in a class this teacher may see; otherwise nothing. */
  visibleTrainee(teacherId: number, citizenId: number): { citizen: Citizen; klass: ClassRow } | undefined {
    const citizen = Number.isSafeInteger(citizenId) ? this.deps.citizens.findById(citizenId) : undefined;
    const klass = citizen && this.deps.classes.findById(citizen.classId);
    if (!citizen || !klass || !this.deps.teachers.visibleClass(teacherId, klass.code)) return undefined;
    return { citizen, klass };
  }

  /**
   * The whole class back to the scenario's start, clock included; returns how long it took.
   * The class's progress and debriefs are archived first (ScenarioService's beforeReset).
   */
  resetClass(klass: ClassRow, teacherId: number): { trainees: number; ms: number } {
    return this.deps.scenarios.reset(klass.id, { actor: 'teacher', teacherId });
  }

  /** One trainee back to the start, after the class's progress and debriefs are archived. */
  resetTrainee(klass: ClassRow, citizen: Citizen, teacherId: number): { trainees: number; ms: number } {
    return this.deps.scenarios.reset(klass.id, { citizenId: citizen.id, actor: 'teacher', teacherId });
  }

  /**
   * Moves the class clock forward, then lets what fell due happen (TimeService): temporary
   * locks (LOCK001) whose hours have passed end now, each with its event, and overdue letters
   * get their reminder. Letters and key cards on their way appear by themselves, as they
   * are read on the class clock.
   */
  advanceClock(klass: ClassRow, step: ClockStep, teacherId: number): number {
    return this.deps.time.advanceBy(klass.id, step, { actor: 'teacher', data: { teacherId } });
  }
}
