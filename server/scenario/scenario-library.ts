import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { ScenarioInvalid, UsageError } from '../common/errors.ts';
import { knownFieldsAt, scenarioSchema, type ScenarioFile } from './scenario-schema.ts';
import { parseWithLines, schemaProblems, syntaxProblems } from './scenario-problems.ts';

export interface ScenarioSummary {
  name: string;
  file: string;
  title: ScenarioFile['title'];
  description: ScenarioFile['description'];
  goals: ScenarioFile['goals'];
  classCode: string;
  trainees: number;
}

/** A check beyond the schema (e.g. that each letter's sender is known), as zod issues of the file. */
export type ExtraCheck = (scenario: ScenarioFile) => z.core.$ZodIssue[];

/**
 * Reads a scenario's text (YAML or JSON) and checks it against the schema. A broken text
 * throws ScenarioInvalid, each problem with its line in the file (scenario-problems.ts).
 */
export function parseScenario(file: string, text: string, extra?: ExtraCheck): ScenarioFile {
  const { doc, lines } = parseWithLines(text);
  if (doc.errors.length > 0) throw new ScenarioInvalid(file, syntaxProblems(doc.errors));
  const parsed = scenarioSchema.safeParse(doc.toJS());
  const issues = parsed.success ? (extra?.(parsed.data) ?? []) : parsed.error.issues;
  if (issues.length > 0) throw new ScenarioInvalid(file, schemaProblems(issues, doc, lines, knownFieldsAt));
  return parsed.data!;
}

/** A scenario name as a file name: lower-case letters, digits and dashes. */
export const scenarioNamePattern = /^[a-z0-9-]{1,60}$/;

/**
 * The scenario files: the shipped ones in `seed/scenarios/` (`<name>.yaml`), and, when an
 * upload folder is given, the ones teachers uploaded or edited there. A file in the upload
 * folder wins over a shipped file of the same name, so editing a shipped scenario never
 * changes the shipped file.
 */
export class ScenarioLibrary {
  constructor(
    private readonly dir: string,
    private readonly uploadDir?: string,
  ) {}

  private foldersNewestFirst(): string[] {
    return this.uploadDir && fs.existsSync(this.uploadDir) ? [this.uploadDir, this.dir] : [this.dir];
  }

  private fileOf(name: string): string | undefined {
    if (!scenarioNamePattern.test(name)) return undefined;
    for (const folder of this.foldersNewestFirst()) {
      const file = ['.yaml', '.yml', '.json'].map((ext) => path.join(folder, name + ext)).find((candidate) => fs.existsSync(candidate));
      if (file) return file;
    }
    return undefined;
  }

  names(): string[] {
    const names = this.foldersNewestFirst().flatMap((folder) =>
      fs
        .readdirSync(folder)
        .filter((file) => /\.(ya?ml|json)$/.test(file))
        .map((file) => file.replace(/\.(ya?ml|json)$/, '')),
    );
    return [...new Set(names)].filter((name) => scenarioNamePattern.test(name)).sort();
  }

  /** The file's own text, where it lies, and whether a teacher uploaded it (or an edit of a shipped one). */
  source(name: string): { file: string; text: string; uploaded: boolean; shipped: boolean } | undefined {
    const file = this.fileOf(name);
    if (!file) return undefined;
    const uploaded = this.uploadDir !== undefined && path.resolve(path.dirname(file)) === path.resolve(this.uploadDir);
    const shipped = ['.yaml', '.yml', '.json'].some((ext) => fs.existsSync(path.join(this.dir, name + ext)));
    return { file: path.relative(process.cwd(), file), text: fs.readFileSync(file, 'utf8'), uploaded, shipped };
  }

  /**
   * Checks a scenario's text and, only if it is valid, writes it as `<name>.yaml` (to the
   * upload folder when there is one): a broken text throws ScenarioInvalid and changes nothing.
   */
  save(name: string, text: string): ScenarioFile {
    if (!scenarioNamePattern.test(name))
      throw new UsageError(`A scenario name has 1-60 lower-case letters, digits or dashes, not "${name}"`);
    const target = this.uploadDir ?? this.dir;
    const scenario = parseScenario(`${name}.yaml`, text);
    fs.mkdirSync(target, { recursive: true });
    const file = path.join(target, `${name}.yaml`);
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, text);
    fs.renameSync(temporary, file);
    // A .yml or .json of the same name would shadow the new file.
    for (const ext of ['.yml', '.json']) fs.rmSync(path.join(target, name + ext), { force: true });
    return scenario;
  }

  read(name: string): ScenarioFile {
    const file = this.fileOf(name);
    if (!file) throw new UsageError(`No scenario named "${name}". Known scenarios: ${this.names().join(', ')}`);
    return parseScenario(path.relative(process.cwd(), file), fs.readFileSync(file, 'utf8'));
  }

  list(): ScenarioSummary[] {
    return this.names().map((name) => {
      const scenario = this.read(name);
      return {
        name,
        file: path.relative(process.cwd(), this.fileOf(name)!),
        title: scenario.title,
        description: scenario.description,
        goals: scenario.goals,
        classCode: scenario.class.code,
        trainees: scenario.trainees.length,
      };
    });
  }
}
