/**
 * The lessons of practising alone, one after the other: each a scenario of
 * seed/scenarios/ that one person can do without a teacher (no clock to move, no desk).
 * The first is the practice NemID's own; after its last exercise the next is offered.
 */
export const practiceLessons: readonly string[] = ['self-study', 'phishing-letter', 'letter-with-deadline'];

/** The lesson after this scenario, or undefined after the last one (or for a scenario not in the list). */
export function nextPracticeLesson(scenario: string): string | undefined {
  const at = practiceLessons.indexOf(scenario);
  return at === -1 ? undefined : practiceLessons[at + 1];
}
