import type { Citizen } from '../citizen/types.ts';
import type { ClassClock } from '../common/clock.ts';
import type { EventLog } from '../common/event-log.ts';
import type { ScenarioLibrary } from '../scenario/scenario-library.ts';
import type { ScenarioPart } from '../scenario/scenario-service.ts';
import type { ScenarioFile } from '../scenario/scenario-schema.ts';
import type { ClassRepository } from '../classes/class-repository.ts';
import type { ExerciseRepository } from './exercise-repository.ts';
import type { Exercise, ExerciseNews, ExerciseStatus, LoggedEvent, Progress } from './types.ts';

export interface ExerciseDeps {
  repo: ExerciseRepository;
  classes: ClassRepository;
  clock: ClassClock;
  events: EventLog;
  library: ScenarioLibrary;
}

/** What a teacher or an operator does to a trainee is not the trainee's exercise. */
const othersActing = new Set(['teacher', 'cli', 'issuer']);

function completes(exercise: Exercise, event: LoggedEvent): boolean {
  if (othersActing.has(event.actor) || !exercise.events.includes(event.type)) return false;
  const fields: Record<string, unknown> = { ...event.data, letterSender: event.letterSender };
  return Object.entries(exercise.where ?? {}).every(([field, value]) => fields[field] === value);
}

/**
 * The exercises of a trainee's scenario, each done the moment the trainee's event log
 * holds an event that completes it. Progress is read from the log, so it lasts across
 * sessions and goes back to the start when a reset deletes the trainee's events.
 * Also the class's guide setting, which a scenario sets and a teacher may switch.
 */
export class ExerciseService {
  constructor(private readonly deps: ExerciseDeps) {}

  /** The ScenarioPart that stores a scenario's exercises and guide setting with the class. */
  readonly scenarioPart: ScenarioPart = {
    load: (classId: number, scenario: ScenarioFile) => this.deps.repo.save(classId, scenario.exercises, scenario.guided),
    // Nothing per trainee: a trainee's progress is their events, which a reset deletes with them.
    restore: () => {},
  };

  private stored(classId: number): { exercises: Exercise[]; guided: boolean } {
    const found = this.deps.repo.find(classId);
    if (found) return found;
    // A class loaded before exercises existed: its scenario file as it is now.
    const klass = this.deps.classes.findById(classId);
    try {
      const scenario = klass ? this.deps.library.read(klass.scenario) : undefined;
      return { exercises: scenario?.exercises ?? [], guided: scenario?.guided ?? false };
    } catch {
      return { exercises: [], guided: false };
    }
  }

  exercisesOf(classId: number): Exercise[] {
    return this.stored(classId).exercises;
  }

  /** The event types that can complete one of these exercises. */
  private static typesOf(exercises: Exercise[]): string[] {
    return [...new Set(exercises.flatMap((exercise) => exercise.events))];
  }

  progress(citizen: Citizen): Progress {
    const exercises = this.exercisesOf(citizen.classId);
    const types = ExerciseService.typesOf(exercises);
    const events = types.length > 0 ? this.deps.repo.eventsOf(citizen.id, types) : [];
    const statuses: ExerciseStatus[] = exercises.map((exercise) => {
      const event = events.find((candidate) => completes(exercise, candidate));
      return { exercise, done: event !== undefined, doneAt: event?.at ?? null, eventId: event?.id ?? null };
    });
    return {
      exercises: statuses,
      doneCount: statuses.filter((status) => status.done).length,
      next: statuses.find((status) => !status.done) ?? null,
    };
  }

  /**
   * The exercises completed by events newer than `seenUpTo` (an event id), for a
   * celebration; null when there are none. Asked on every page, so it first looks whether
   * any event that could complete an exercise came after `seenUpTo` at all.
   */
  news(citizen: Citizen, seenUpTo: number): ExerciseNews | null {
    const types = ExerciseService.typesOf(this.exercisesOf(citizen.classId));
    if (types.length === 0 || !this.deps.repo.hasEventAfter(citizen.id, types, seenUpTo)) return null;
    const progress = this.progress(citizen);
    const done = progress.exercises.filter((status) => status.eventId !== null && status.eventId > seenUpTo);
    if (done.length === 0) return null;
    const newest = Math.max(seenUpTo, ...progress.exercises.map((status) => status.eventId ?? 0));
    return { done, progress, seenUpTo: newest };
  }

  /**
   * Where a sign-in's news begins: the id of the citizen's newest event before it. A
   * session celebrates only exercises done after that, so a new login (in another
   * browser, or one that forgot its cookies) does not bring back old congratulations.
   */
  newsStart(citizenId: number): number {
    return this.deps.repo.latestEventId(citizenId);
  }

  /** Whether the class's trainees see the guide unless they switch it off themselves. */
  classGuided(classId: number): boolean {
    return this.stored(classId).guided;
  }

  /** A teacher switches the guide on or off for the whole class. */
  setClassGuided(classId: number, guided: boolean, actor: 'teacher' | 'cli'): void {
    const current = this.stored(classId);
    if (current.guided === guided) return;
    this.deps.repo.save(classId, current.exercises, guided);
    this.deps.events.record({
      classId,
      citizenId: null,
      actor,
      type: 'guide-switched',
      rule: null,
      data: { guided },
      at: this.deps.clock.now(classId),
    });
  }
}
