import type { ExerciseEntry } from './exercise-schema.ts';

export type Exercise = ExerciseEntry;

export { inLang, type ScenarioText } from '../common/scenario-text.ts';

/** One exercise as of now, read from the trainee's event log. */
export interface ExerciseStatus {
  exercise: Exercise;
  done: boolean;
  /** Class-clock time of the event that completed it. */
  doneAt: number | null;
  /** The id of that event (later events have higher ids). */
  eventId: number | null;
}

export interface Progress {
  exercises: ExerciseStatus[];
  doneCount: number;
  /** The first exercise not done yet, in the scenario's order. */
  next: ExerciseStatus | null;
}

/** Exercises done since the trainee last saw a celebration, and what to do next. */
export interface ExerciseNews {
  done: ExerciseStatus[];
  progress: Progress;
  /** The newest completing event now seen. */
  seenUpTo: number;
}

/** An event of the log as the exercises read it. */
export interface LoggedEvent {
  id: number;
  type: string;
  actor: string;
  data: Record<string, unknown>;
  at: number;
  /** The sender key of the letter the event names (`data.letterId`), if any. */
  letterSender: string | null;
}
