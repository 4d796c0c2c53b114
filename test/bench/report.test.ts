import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../bench/args.ts';
import { endMarker, startMarker, writeReport, type Report } from '../../bench/doc.ts';
import { formatTable, markdownTable, met, type Figure } from '../../bench/report.ts';

const figures: Figure[] = [
  { label: 'logins/s ÷ argon2id verifications/s', value: 0.93, unit: '', decimals: 2, target: { op: '>=', value: 0.9 } },
  { label: 'reset a class of 500', value: 12_345, unit: 'ms', target: { op: '<', value: 10_000 } },
  { label: 'cold start', value: 1520.4, unit: 'ms' },
  { label: 'inbox ÷ static', value: NaN, unit: '', decimals: 2, target: { op: '>=', value: 0.5 } },
  { label: 'inbox p99', value: 300, unit: 'ms', target: { op: '<=', value: 300 } },
];

describe('the bench report', () => {
  it('says for each figure whether its target is met, and nothing for a figure without one', () => {
    expect(figures.map(met)).toEqual([true, false, undefined, false, true]);
  });

  it('prints a table with the figure, what was measured, the target and the verdict', () => {
    const lines = formatTable(figures).split('\n');
    expect(lines[0]).toMatch(/^figure\s+measured\s+target\s+met$/);
    expect(lines[2]).toMatch(/logins\/s ÷ argon2id verifications\/s\s+0\.93\s+>= 0\.90\s+yes/);
    expect(lines[3]).toMatch(/reset a class of 500\s+12,345 ms\s+< 10,000 ms\s+NO/);
    expect(lines[4]).toMatch(/cold start\s+1,520 ms\s+-$/);
    expect(lines[5]).toMatch(/inbox ÷ static\s+n\/a\s+>= 0\.50\s+NO/);
  });

  it('writes the same figures as a Markdown table', () => {
    expect(markdownTable(figures).split('\n')[3]).toBe('| reset a class of 500 | 12,345 ms | < 10,000 ms | NO |');
  });

  it('replaces only the measured section of docs/benchmarks.md, keeping the text around it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-doc-'));
    const file = path.join(dir, 'benchmarks.md');
    fs.writeFileSync(file, `# Benchmarks\n\nBefore.\n\n${startMarker}\nold figures\n${endMarker}\n\nAfter.\n`);
    const report: Report = {
      machine: { cpus: 2, cpuModel: 'Test CPU', memoryGb: 24, node: '20.0.0', platform: 'Linux' },
      date: new Date('2025-01-02T03:04:00Z'),
      seconds: 120,
      options: parseBenchArgs([]),
      figures,
      scale: [],
      notes: ['A note.'],
    };
    writeReport(file, report);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('Before.');
    expect(text).toContain('After.');
    expect(text).not.toContain('old figures');
    expect(text).toContain('Measured on 2025-01-02');
    expect(text).toContain('2 cores (Test CPU), 24.0 GB memory');
    expect(text).toContain('2 targets were missed.');
    expect(text).toContain('- A note.');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('the bench options', () => {
  it('runs 6-second phases with classes of 30 and 500 and writes docs/benchmarks.md by default', () => {
    expect(parseBenchArgs([])).toEqual({
      seconds: 6,
      largeClass: 500,
      smallClass: 30,
      extraLetters: 500,
      docPath: 'docs/benchmarks.md',
      arrivals: { classSize: 30, eventSize: 200, pacing: { windowSeconds: 60, thinkMs: { min: 1000, max: 4000 } } },
      memoryVariants: false,
    });
  });

  it('measures the memory settings on their own without touching the document', () => {
    expect(parseBenchArgs(['--memory-variants'])).toMatchObject({ memoryVariants: true, docPath: undefined });
  });

  it('has a quick mode to check the bench itself, and can leave the document alone', () => {
    expect(parseBenchArgs(['--quick', '--no-doc'])).toMatchObject({ seconds: 2, largeClass: 120, docPath: undefined });
  });

  it('refuses phases too short or too long to mean anything, and contradictory options', () => {
    expect(() => parseBenchArgs(['--seconds', '1'])).toThrow('--seconds must be a number from 2 to 30');
    expect(() => parseBenchArgs(['--seconds', 'many'])).toThrow('--seconds must be a number from 2 to 30');
    expect(() => parseBenchArgs(['--no-doc', '--doc', 'x.md'])).toThrow('contradict');
    expect(() => parseBenchArgs(['--fast'])).toThrow();
  });
});
