import { describe, expect, it } from 'vitest';
import { translator } from '../../server/common/i18n.ts';
import { parseScenario } from '../../server/scenario/scenario-library.ts';
import { describeProblem, editDistance, nearMiss } from '../../server/scenario/scenario-problems.ts';
import { problemsOf } from '../helpers/scenario.ts';

const misspelt = `title: Lesson
description: A lesson
class: { code: LESSON, name: Lesson }
trainees:
  - name: Ida Fiktiv Lund
    state: active
  - name: Ole Fiktiv Holm
    state: activ
  - { stat: pending, lang: dk }
`;

describe('the near miss', () => {
  it('counts the edits from one word to another', () => {
    expect(editDistance('activ', 'active')).toBe(1);
    expect(editDistance('blokced', 'blocked')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('suggests the allowed value at most 2 edits away, and nothing further off', () => {
    const states = ['pending', 'active', 'locked', 'blocked', 'revoked'];
    expect(nearMiss('activ', states)).toBe('active');
    expect(nearMiss('Blokced', states)).toBe('blocked');
    expect(nearMiss('sleeping', states)).toBeUndefined();
    expect(nearMiss('x', ['da', 'en', 'de'])).toBeUndefined();
  });
});

describe('scenario problems a teacher can act on', () => {
  it('names the trainee, the line, what was typed, what would fit and the near miss', () => {
    const state = problemsOf(misspelt).find((problem) => problem.field === 'trainees[1].state')!;
    expect(state).toMatchObject({ line: 8, trainee: { number: 2, name: 'Ole Fiktiv Holm' }, typed: 'activ', suggestion: 'active' });
    expect(describeProblem(state, translator('en'))).toEqual({
      trainee: 'Trainee 2, Ole Fiktiv Holm',
      fit: 'One of: pending, active, locked, blocked, revoked. Did you mean ‘active’?',
    });
    expect(describeProblem(state, translator('da')).fit).toBe('En af: pending, active, locked, blocked, revoked. Mente du ‘active’?');
    expect(describeProblem(state, translator('de')).trainee).toBe('Teilnehmende(r) 2, Ole Fiktiv Holm');
  });

  it('numbers a trainee without a name, and places an unknown field at its own line', () => {
    const problems = problemsOf(misspelt);
    const unknown = problems.find((problem) => problem.field === 'trainees[2].stat')!;
    expect(unknown).toMatchObject({ line: 9, typed: 'stat', suggestion: 'state' });
    expect(describeProblem(unknown, translator('en')).trainee).toBe('Trainee 3 (no name)');
    const missing = problems.find((problem) => problem.field === 'trainees[2].name')!;
    expect(describeProblem(missing, translator('en')).fit).toBe('This field is missing. Add it.');
    expect(problems.find((problem) => problem.field === 'trainees[2].lang')).toMatchObject({ typed: 'dk', suggestion: 'da' });
  });

  it('keeps the English sentence with the line for the command line', () => {
    expect(() => parseScenario('lesson.yaml', misspelt)).toThrow(
      /trainees\[1\]\.state \(line 8\): One of: pending, active, locked, blocked, revoked\. Did you mean ‘active’\?/,
    );
  });

  it("puts the schema's own rules into the console's language", () => {
    const text = misspelt.replace('    state: active', '    cpr: "010190-1234"\n    state: active');
    const cpr = problemsOf(text).find((problem) => problem.field === 'trainees[0].cpr')!;
    expect(cpr).toMatchObject({ line: 6, typed: '010190-1234' });
    expect(describeProblem(cpr, translator('da')).fit).toBe('Et fiktivt CPR-nummer: dag 01-28, år 37-57 og løbenummer 5000-8999.');
  });

  it('explains YAML syntax errors in plain words with their line', () => {
    const [tab] = problemsOf('title: Lesson\nclass:\n\tcode: X\n');
    expect(tab).toMatchObject({ field: '', line: 3 });
    expect(describeProblem(tab!, translator('en')).fit).toBe('This line is indented with a tab. Use spaces to indent.');
    const [twice] = problemsOf('title: A\ntitle: B\n');
    expect(twice!.line).toBe(2);
    expect(describeProblem(twice!, translator('da')).fit).toBe('Feltet står to gange i samme gruppe. Behold kun det ene.');
    const [unclosed] = problemsOf('title: [Lesson\n');
    expect(describeProblem(unclosed!, translator('en')).fit).toContain('add ] at its end');
  });
});
