import { ScenarioInvalid, UsageError } from '../common/errors.ts';
import type { EventLog } from '../common/event-log.ts';
import type { z } from 'zod';
import type { Lang } from '../common/i18n.ts';
import { standardSenders, standardSendersFile } from '../mailbox/scenario-letters.ts';
import { parseScenario, type ScenarioLibrary } from '../scenario/scenario-library.ts';
import type { ScenarioFile } from '../scenario/scenario-schema.ts';

export type LocalisedText = ScenarioFile['title'];

/** A scenario text in the page's language, Danish when the file has no translation. */
export function inLanguage(text: LocalisedText, lang: Lang): string {
  return typeof text === 'string' ? text : (text[lang] ?? text.da);
}

export type ShelfEntry =
  | { name: string; file: string; uploaded: boolean; shipped: boolean; valid: true; scenario: ScenarioFile }
  | { name: string; file: string; uploaded: boolean; shipped: boolean; valid: false; problems: ScenarioInvalid['problems'] };

export type SaveOutcome =
  { ok: true; scenario: ScenarioFile } | { ok: false; errors: Record<string, string[]>; problems: ScenarioInvalid['problems'] };

/**
 * Letters whose sender is neither a standard sender (seed/senders.yaml) nor one of the
 * scenario's own: Digital Post refuses such a scenario when it is loaded, so an upload
 * is refused at once, naming the field and its line.
 */
function unknownSenders(scenario: ScenarioFile): z.core.$ZodIssue[] {
  const senders = [...standardSenders(standardSendersFile), ...scenario.senders];
  const known = (name: string) => senders.some((sender) => sender.key === name || sender.name === name);
  const allowed = [...new Set(senders.map((sender) => sender.key))];
  const check = (letters: ScenarioFile['letters'], at: (string | number)[]) =>
    letters.flatMap((letter, index): z.core.$ZodIssue[] =>
      known(letter.sender)
        ? []
        : [
            {
              code: 'custom',
              path: [...at, 'letters', index, 'sender'],
              message: 'teacher:scenarioProblems.expect.unknownSender',
              params: { allowed },
              input: letter.sender,
            },
          ],
    );
  return [...check(scenario.letters, []), ...scenario.trainees.flatMap((trainee, index) => check(trainee.letters, ['trainees', index]))];
}

/**
 * The scenario library as the teacher console shows it: every file with its title,
 * description and goals, or what is wrong with it; uploads and edits checked against
 * the schema before anything is written.
 */
export class ScenarioShelf {
  constructor(
    private readonly library: ScenarioLibrary,
    private readonly events: EventLog,
    private readonly realNow: () => number = Date.now,
  ) {}

  entries(): ShelfEntry[] {
    return this.library.names().map((name) => {
      const source = this.library.source(name)!;
      const where = { name, file: source.file, uploaded: source.uploaded, shipped: source.shipped };
      try {
        return { ...where, valid: true as const, scenario: this.library.read(name) };
      } catch (error) {
        if (error instanceof ScenarioInvalid) return { ...where, valid: false as const, problems: error.problems };
        throw error;
      }
    });
  }

  /** The names of the scenarios a class can be created from (the valid ones). */
  usable(): ShelfEntry[] {
    return this.entries().filter((entry) => entry.valid);
  }

  source(name: string): ReturnType<ScenarioLibrary['source']> {
    return this.library.source(name);
  }

  /**
   * Saves a scenario text under a name, only if it is valid. A new upload may not take the
   * name of an existing scenario (`replace` is for the edit page).
   */
  save(name: string, text: string, options: { replace: boolean; teacherId: number }): SaveOutcome {
    if (!options.replace && this.library.source(name)) {
      return { ok: false, errors: { name: ['teacher:scenarios.errors.nameTaken'] }, problems: [] };
    }
    let scenario: ScenarioFile;
    try {
      parseScenario(`${name}.yaml`, text, unknownSenders);
      scenario = this.library.save(name, text);
    } catch (error) {
      if (error instanceof ScenarioInvalid)
        return { ok: false, errors: { problems: ['teacher:scenarios.errors.invalid'] }, problems: error.problems };
      if (error instanceof UsageError) return { ok: false, errors: { name: ['teacher:scenarios.errors.name'] }, problems: [] };
      throw error;
    }
    this.events.record({
      classId: null,
      citizenId: null,
      actor: 'teacher',
      type: 'scenario-saved',
      rule: null,
      data: { name, replaced: options.replace, teacherId: options.teacherId },
      at: this.realNow(),
    });
    return { ok: true, scenario };
  }
}
