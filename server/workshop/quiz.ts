import type { EventLog } from '../common/event-log.ts';
import type { CitizenRepository } from '../citizen/citizen-repository.ts';
import type { ClassClock } from '../common/clock.ts';
import { workshopEvents } from './workshop-events.ts';

/** One question of the debrief quiz; its texts are under `workshop:quiz.questions.<id>`. */
export interface Question {
  id: string;
  options: readonly string[];
  correct: string;
  /** The rule of DOMAIN.md the explanation points to. */
  rule: string;
}

/** The quiz on the rules of use (R5) and what to do after a mistake (R14). */
export const questions: readonly Question[] = [
  { id: 'lockedLetter', options: ['a', 'b', 'c'], correct: 'b', rule: 'R5' },
  { id: 'supportCall', options: ['a', 'b', 'c'], correct: 'c', rule: 'R5' },
  { id: 'severalCodes', options: ['a', 'b', 'c'], correct: 'a', rule: 'R4' },
  { id: 'cardPhoto', options: ['a', 'b', 'c'], correct: 'b', rule: 'R5' },
  { id: 'afterMistake', options: ['a', 'b', 'c'], correct: 'c', rule: 'R14' },
  { id: 'passwordKept', options: ['a', 'b', 'c'], correct: 'a', rule: 'R5' },
];

export type QuizAnswers = Record<string, string>;

export interface QuizResult {
  answers: QuizAnswers;
  correct: Record<string, boolean>;
  score: number;
  of: number;
}

/** The questions left unanswered (or answered with something not offered), as field errors. */
export function unanswered(body: Record<string, unknown>): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const question of questions) {
    const answer = body[question.id];
    if (typeof answer !== 'string' || !question.options.includes(answer)) errors[question.id] = ['workshop:quiz.errors.choose'];
  }
  return errors;
}

/** Marks a complete set of answers; a signed-in participant's score goes to the event log for the debrief. */
export class QuizService {
  constructor(private readonly deps: { events: EventLog; citizens: CitizenRepository; clock: ClassClock }) {}

  mark(answers: QuizAnswers, citizenId: number | undefined): QuizResult {
    const correct = Object.fromEntries(questions.map((question) => [question.id, answers[question.id] === question.correct]));
    const result = { answers, correct, score: Object.values(correct).filter(Boolean).length, of: questions.length };
    const citizen = citizenId === undefined ? undefined : this.deps.citizens.findById(citizenId);
    if (citizen) {
      this.deps.events.record({
        classId: citizen.classId,
        citizenId: citizen.id,
        actor: 'trainee',
        type: workshopEvents.quizAnswered,
        rule: 'R5',
        data: {
          score: result.score,
          of: result.of,
          wrong: questions.filter((question) => !correct[question.id]).map((question) => question.id),
        },
        at: this.deps.clock.now(citizen.classId),
      });
    }
    return result;
  }
}
