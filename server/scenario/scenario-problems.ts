import YAML, { isMap, isPair, isScalar, LineCounter, type Document, type YAMLError } from 'yaml';
import type { z } from 'zod';
import { translateDataKey, translator, type Translate } from '../common/i18n.ts';
import type { ScenarioProblem } from '../common/errors.ts';

/**
 * Turns what is wrong with a scenario file into problems a teacher can act on (issue 14
 * item 10): the line in the file, the trainee it concerns, what was typed, what would fit
 * and, for a near miss, a "did you mean". The words come from locale keys
 * (teacher:scenarioProblems.*), so the console shows them in its language; `expected` is
 * the English sentence, for the command line.
 */

const prefix = 'teacher:scenarioProblems.';

/** Edit distance (Levenshtein): the insertions, deletions and substitutions from one word to the other. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The allowed value nearest to a typed one, if it is at most 2 edits away (ignoring case): `activ` gives `active`. */
export function nearMiss(typed: string, allowed: readonly string[]): string | undefined {
  let best: { value: string; distance: number } | undefined;
  for (const value of allowed) {
    const distance = editDistance(typed.toLowerCase(), value.toLowerCase());
    if (distance <= 2 && distance < Math.max(typed.length, 1) && (!best || distance < best.distance)) best = { value, distance };
  }
  return best?.value;
}

/** What a problem says, before it is put into words: a locale key and its values. */
interface Draft {
  path: PropertyKey[];
  key: string;
  values?: Record<string, string | number>;
  allowed?: readonly string[];
  /** Point at this key of the map at `path` rather than at its value (an unknown field). */
  keyName?: string;
}

/** A problem in words of one language: what would fit (with "did you mean") and which trainee it concerns. */
export function describeProblem(problem: ScenarioProblem, t: Translate): { fit: string; trainee?: string } {
  const trainee = problem.trainee && t(`${prefix}${problem.trainee.name ? 'trainee' : 'traineeNumber'}`, problem.trainee);
  if (!problem.expect) return { fit: problem.expected, trainee };
  // A value named ...Key is itself a locale key (a rule of credentials.json, say).
  const values = Object.fromEntries(
    Object.entries(problem.expect.values ?? {}).map(([name, value]) => [
      name,
      name.endsWith('Key') ? translateDataKey(t, String(value)) : value,
    ]),
  );
  const fit = translateDataKey(t, problem.expect.key, values);
  return { fit: problem.suggestion ? `${fit} ${t(`${prefix}didYouMean`, { value: problem.suggestion })}` : fit, trainee };
}

/** The English sentence of a problem, as the command line prints it. */
function english(problem: Omit<ScenarioProblem, 'expected'>): string {
  return describeProblem({ ...problem, expected: '' }, translator('en')).fit;
}

function fieldOf(issuePath: PropertyKey[]): string {
  return issuePath.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`)).join('');
}

const syntaxKeys: Record<string, string> = {
  BAD_INDENT: 'indent',
  TAB_AS_INDENT: 'tab',
  DUPLICATE_KEY: 'duplicateKey',
  MISSING_CHAR: 'missingChar',
  MULTILINE_IMPLICIT_KEY: 'missingColon',
  BLOCK_AS_IMPLICIT_KEY: 'colonInValue',
  MULTIPLE_DOCS: 'multipleDocuments',
  BAD_SCALAR_START: 'badStart',
  UNEXPECTED_TOKEN: 'unexpected',
};

/** YAML syntax errors in plain words, each with its line. */
export function syntaxProblems(errors: readonly YAMLError[]): ScenarioProblem[] {
  // One mistake often trips several errors on its line; the first says it best.
  const firstOfLine = errors.filter(
    (error, index) => errors.findIndex((other) => other.linePos?.[0]?.line === error.linePos?.[0]?.line) === index,
  );
  return firstOfLine.map((error) => {
    // An unclosed [ or { is reported as an indentation error whose message asks for the bracket.
    const unclosed = /end with a ([\]}])/.exec(error.message)?.[1];
    const key = unclosed ? 'unclosed' : (syntaxKeys[error.code] ?? 'other');
    const values: Record<string, string> = unclosed ? { bracket: unclosed } : {};
    const problem = { field: '', line: error.linePos?.[0]?.line, expect: { key: `${prefix}syntax.${key}`, values } };
    return { ...problem, expected: english(problem) };
  });
}

/** The fields each part of a scenario knows, for "did you mean" on an unknown field. */
export type KnownFields = (path: PropertyKey[]) => readonly string[];

const knownTypes: readonly string[] = ['string', 'number', 'int', 'boolean', 'array', 'object'];

/** The locale key (and values) of what would fit, for one zod issue. */
function draftOf(issue: z.core.$ZodIssue, knownFields: KnownFields): Draft[] {
  const path = issue.path;
  switch (issue.code) {
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      return [{ path, key: 'oneOf', values: { values: allowed.join(', ') }, allowed }];
    }
    case 'invalid_type':
      return [{ path, key: `type.${knownTypes.includes(issue.expected) ? issue.expected : 'other'}` }];
    case 'too_small':
    case 'too_big': {
      // A part of the format with its own words for the limit keeps them (zod's own start "Too small/big").
      if (!/^Too (small|big)/.test(issue.message)) return [{ path, key: 'other', values: { text: issue.message } }];
      const limit = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const origin = ['string', 'array', 'number'].includes(issue.origin) ? issue.origin : 'number';
      return [{ path, key: `${issue.code === 'too_small' ? 'atLeast' : 'atMost'}.${origin}`, values: { count: Number(limit) } }];
    }
    case 'unrecognized_keys':
      return issue.keys.map((keyName) => ({
        path,
        key: 'unknownField',
        keyName,
        values: { fields: knownFields(path).join(', ') },
        allowed: knownFields(path),
      }));
    case 'invalid_union':
      return [{ path, key: 'localisedText' }];
    default: {
      // The schema's own messages are locale keys of this file's namespace (with values in
      // `params`); a part of the format that still writes English shows its words as they are.
      const message = issue.message;
      if (message.startsWith(`${prefix}expect.`)) {
        const { allowed, ...values } = (('params' in issue ? issue.params : undefined) ?? {}) as Record<string, string | number> & {
          allowed?: string[];
        };
        if (allowed) values.values = allowed.join(', ');
        return [{ path, key: message.slice(`${prefix}expect.`.length), values, allowed }];
      }
      return [{ path, key: 'other', values: { text: message } }];
    }
  }
}

/** The 1-based line of the node at a path (or of the nearest part of it that is there). */
function lineAt(doc: Document, lines: LineCounter, path: PropertyKey[], keyName?: string): number | undefined {
  for (let length = path.length; length >= 0; length -= 1) {
    const node = doc.getIn(path.slice(0, length) as unknown[], true) as unknown;
    let range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (length === path.length && keyName !== undefined && isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === keyName);
      range = (pair?.key as { range?: [number, number, number] } | undefined)?.range ?? range;
    }
    if (range) return lines.linePos(range[0]).line;
  }
  return undefined;
}

/** What was typed at a path, when it is a single value (a word or a number, not a list). */
function typedAt(doc: Document, path: PropertyKey[], keyName?: string): string | undefined {
  if (keyName !== undefined) return keyName;
  const node = doc.getIn(path as unknown[], true);
  return isScalar(node) && node.value !== null ? String(node.value) : undefined;
}

/** Which trainee a path is about: its number in the list (from 1) and its name, if it has one. */
function traineeAt(doc: Document, path: PropertyKey[]): ScenarioProblem['trainee'] {
  if (path[0] !== 'trainees' || typeof path[1] !== 'number') return undefined;
  const name = doc.getIn(['trainees', path[1], 'name']);
  return { number: path[1] + 1, name: typeof name === 'string' && name.trim() !== '' ? name.trim() : undefined };
}

/** The schema's complaints about a parsed file, each placed in the file and put into words. */
export function schemaProblems(
  issues: readonly z.core.$ZodIssue[],
  doc: Document,
  lines: LineCounter,
  knownFields: KnownFields,
): ScenarioProblem[] {
  return issues.flatMap((issue) =>
    draftOf(issue, knownFields).map((found) => {
      let draft = found;
      const typed = typedAt(doc, draft.path, draft.keyName);
      // A field that is not there at all is missing, whatever type it should have had.
      if ((draft.key.startsWith('type.') || draft.key === 'localisedText') && !doc.hasIn(draft.path as unknown[]))
        draft = { ...draft, key: 'missing' };
      const suggestion = typed !== undefined && draft.allowed ? nearMiss(typed, draft.allowed) : undefined;
      const problem = {
        field: fieldOf(draft.keyName === undefined ? draft.path : [...draft.path, draft.keyName]),
        line: lineAt(doc, lines, draft.path, draft.keyName),
        trainee: traineeAt(doc, draft.path),
        typed,
        expect: { key: `${prefix}expect.${draft.key}`, values: draft.values ?? {} },
        suggestion,
      };
      return { ...problem, expected: english(problem) };
    }),
  );
}

/** Parses a scenario text keeping where each part lies, for the line numbers of its problems. */
export function parseWithLines(text: string): { doc: Document; lines: LineCounter } {
  const lines = new LineCounter();
  return { doc: YAML.parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true }), lines };
}
