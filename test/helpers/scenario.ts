import { ScenarioInvalid, type ScenarioProblem } from '../../server/common/errors.ts';
import { parseScenario } from '../../server/scenario/scenario-library.ts';

/** The problems a scenario file's text has; fails the test when the text is accepted. */
export function problemsOf(text: string): ScenarioProblem[] {
  try {
    parseScenario('lesson.yaml', text);
  } catch (error) {
    if (error instanceof ScenarioInvalid) return error.problems;
    throw error;
  }
  throw new Error('the scenario was accepted');
}
