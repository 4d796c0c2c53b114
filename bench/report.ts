/** One measured figure, with the target it must meet if it has one. */
export interface Figure {
  label: string;
  value: number;
  unit: string;
  decimals?: number;
  target?: { op: '>=' | '<' | '<='; value: number };
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  platform: string;
}

export function met(figure: Figure): boolean | undefined {
  if (!figure.target || !Number.isFinite(figure.value)) return figure.target ? false : undefined;
  if (figure.target.op === '>=') return figure.value >= figure.target.value;
  return figure.target.op === '<=' ? figure.value <= figure.target.value : figure.value < figure.target.value;
}

const number = (value: number, decimals: number) =>
  Number.isFinite(value) ? value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }) : 'n/a';

export function measured(figure: Figure): string {
  return `${number(figure.value, figure.decimals ?? 0)}${figure.unit ? ` ${figure.unit}` : ''}`;
}

export function targetText(figure: Figure): string {
  if (!figure.target) return '-';
  return `${figure.target.op} ${number(figure.target.value, figure.decimals ?? 0)}${figure.unit ? ` ${figure.unit}` : ''}`;
}

export function verdict(figure: Figure): string {
  const result = met(figure);
  return result === undefined ? '' : result ? 'yes' : 'NO';
}

/** The figures as a plain-text table for the terminal. */
export function formatTable(figures: Figure[]): string {
  const header = ['figure', 'measured', 'target', 'met'];
  const rows = figures.map((figure) => [figure.label, measured(figure), targetText(figure), verdict(figure)]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 1 || column === 2 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

/** The figures as a Markdown table for docs/benchmarks.md. */
export function markdownTable(figures: Figure[]): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  return [
    '| figure | measured | target | met |',
    '|---|--:|--:|:-:|',
    ...figures.map((figure) => `| ${escape(figure.label)} | ${measured(figure)} | ${escape(targetText(figure))} | ${verdict(figure)} |`),
  ].join('\n');
}

export function machineLine(machine: Machine): string {
  return `${machine.cpus} cores (${machine.cpuModel}), ${number(machine.memoryGb, 1)} GB memory, Node ${machine.node} on ${machine.platform}`;
}
