import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { z } from 'zod';
import { ScenarioInvalid, UsageError } from '../common/errors.ts';
import { scenarioSchema, type ScenarioFile } from './scenario-schema.ts';

export interface ScenarioSummary {
  name: string;
  file: string;
  title: ScenarioFile['title'];
  description: ScenarioFile['description'];
  goals: ScenarioFile['goals'];
  classCode: string;
  trainees: number;
}

function fieldOf(issuePath: PropertyKey[]): string {
  return issuePath
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

function problemsOf(error: z.ZodError): { field: string; expected: string }[] {
  return error.issues.map((issue) => ({ field: fieldOf(issue.path), expected: issue.message }));
}

/** Reads a scenario's text (YAML or JSON) and checks it against the schema. */
export function parseScenario(file: string, text: string): ScenarioFile {
  let raw: unknown;
  try {
    raw = YAML.parse(text, { prettyErrors: true });
  } catch (error) {
    throw new ScenarioInvalid(file, [{ field: '', expected: `valid YAML or JSON (${(error as Error).message.split('\n')[0]})` }]);
  }
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) throw new ScenarioInvalid(file, problemsOf(parsed.error));
  return parsed.data;
}

/** The scenario files in `seed/scenarios/`: `<name>.yaml`. */
export class ScenarioLibrary {
  constructor(private readonly dir: string) {}

  private fileOf(name: string): string | undefined {
    if (!/^[a-z0-9-]{1,60}$/.test(name)) return undefined;
    return ['.yaml', '.yml', '.json'].map((ext) => path.join(this.dir, name + ext)).find((file) => fs.existsSync(file));
  }

  names(): string[] {
    return fs
      .readdirSync(this.dir)
      .filter((file) => /\.(ya?ml|json)$/.test(file))
      .map((file) => file.replace(/\.(ya?ml|json)$/, ''))
      .sort();
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
