/**
 * Domain errors: each carries an HTTP status and a locale key for the message the
 * person sees. The one error handler in app.ts renders them; nothing else catches them.
 */
export class DomainError extends Error {
  constructor(
    public readonly messageKey: string,
    public readonly status: number,
    public readonly params: Record<string, string | number> = {},
  ) {
    super(messageKey);
    this.name = new.target.name;
  }
}

/** Thrown when a page or object does not exist, or is not the requester's to see. */
export class NotFound extends DomainError {
  constructor() {
    super('errors:notFound', 404);
  }
}

/** Thrown when a step of a journey is asked for out of order (e.g. the key step before the password). */
export class StepOutOfOrder extends DomainError {
  constructor() {
    super('errors:stepOutOfOrder', 409);
  }
}

/**
 * One thing wrong with a scenario file. `expected` is the English sentence (the command
 * line prints it); the rest lets the teacher console say it in its own language: the line
 * in the file, the trainee it concerns, what was typed, what would fit (a locale key) and a
 * near miss ("did you mean 'active'?").
 */
export interface ScenarioProblem {
  field: string;
  expected: string;
  line?: number;
  trainee?: { number: number; name?: string };
  typed?: string;
  expect?: { key: string; values?: Record<string, string | number> };
  suggestion?: string;
}

/** Thrown when a scenario file breaks its schema; names the file, the field and what was expected. */
export class ScenarioInvalid extends Error {
  constructor(
    public readonly file: string,
    public readonly problems: ScenarioProblem[],
  ) {
    super(
      `Scenario ${file} is not valid:\n` +
        problems
          .map((problem) => `  - ${problem.field || '(file)'}${problem.line ? ` (line ${problem.line})` : ''}: ${problem.expected}`)
          .join('\n'),
    );
    this.name = 'ScenarioInvalid';
  }
}

/** Thrown when a CLI argument or option names something that is not there or is malformed. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Thrown when a page of the issuer console is asked for without an operator's sign-in (trainees and teachers included). */
export class NotAnOperator extends DomainError {
  constructor() {
    super('issuer:refused.operatorOnly', 403);
  }
}
