import fs from 'node:fs';
import type { BenchOptions } from './args.ts';
import { machineLine, markdownTable, met, type Figure, type Machine } from './report.ts';

export const startMarker = '<!-- bench:start (written by npm run bench; edit the text around it) -->';
export const endMarker = '<!-- bench:end -->';

export interface Report {
  machine: Machine;
  date: Date;
  seconds: number;
  options: BenchOptions;
  figures: Figure[];
  scale: Figure[];
  notes: string[];
}

/** The measured part of docs/benchmarks.md: machine, date, both tables and the run's notes. */
export function measuredSection(report: Report): string {
  const missed = report.figures.filter((figure) => met(figure) === false).length;
  return [
    startMarker,
    `Measured on ${report.date.toISOString().slice(0, 10)} (${report.date.toISOString().slice(11, 16)} UTC) with \`npm run bench${report.options.seconds === 6 ? '' : ` -- --seconds ${report.options.seconds}`}\`,`,
    `on ${machineLine(report.machine)}. The run took ${report.seconds.toFixed(0)} s;`,
    missed === 0 ? 'every target was met.' : `${missed} target${missed === 1 ? ' was' : 's were'} missed.`,
    '',
    markdownTable(report.figures),
    '',
    'Scale (the same run):',
    '',
    markdownTable(report.scale),
    '',
    ...report.notes.map((note) => `- ${note}`),
    endMarker,
  ].join('\n');
}

/** Replaces the measured section of the report, keeping the text around it; creates the file if need be. */
export function writeReport(file: string, report: Report): void {
  const section = measuredSection(report);
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const start = existing.indexOf(startMarker);
  const end = existing.indexOf(endMarker);
  const text =
    start >= 0 && end > start
      ? existing.slice(0, start) + section + existing.slice(end + endMarker.length)
      : `${existing || '# Benchmarks\n'}\n## Latest figures\n\n${section}\n`;
  fs.writeFileSync(file, text);
}
