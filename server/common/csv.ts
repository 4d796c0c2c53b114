import type { Response } from 'express';
import { formatDanishTimeWithOffset } from './danish-time.ts';

export type Cell = string | number | boolean | null | undefined;

/** One table of a CSV file: its column names and its rows. */
export interface CsvTable {
  header: string[];
  rows: Cell[][];
}

/**
 * One CSV cell: quoted when it holds a separator, a quote or a line break. A text that a
 * spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe.
 */
function cell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A time in a CSV cell: Danish time, as the pages show it, with its offset from UTC (`2026-12-07 14:05 +01:00`); empty when there is none. */
export function csvTime(ms: number | null): string {
  return ms === null ? '' : formatDanishTimeWithOffset(ms);
}

/** A CSV file for teachers and facilitators (comma-separated, CRLF, UTF-8 with a byte-order mark so spreadsheets read æ, ø and å). */
export function toCsv(header: string[], rows: Cell[][]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Sends a CSV file as a download that no cache keeps. */
export function sendCsv(res: Response, filename: string, text: string): void {
  res
    .type('text/csv; charset=utf-8')
    .set('Content-Disposition', `attachment; filename="${filename}"`)
    .set('Cache-Control', 'no-store')
    .send(text);
}
