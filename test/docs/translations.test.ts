import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/common/project-root.ts';
import { slug } from '../../server/teacher/markdown.ts';

// Issue 14: the Danish guides beside the English ones. The prose is translated; the shape,
// the commands, the setting names and the code are not, so a change to one file that the
// other lacks shows here instead of drifting silently.

const pairs = [
  { english: 'docs/teachers.md', danish: 'docs/teachers.da.md' },
  { english: 'docs/workshop.md', danish: 'docs/workshop.da.md' },
];

const read = (file: string) => fs.readFileSync(path.join(projectRoot, file), 'utf8');

/** The file's lines outside fenced code blocks, and the fenced blocks themselves. */
function split(source: string): { prose: string[]; fences: string[] } {
  const prose: string[] = [];
  const fences: string[] = [];
  let fence: string[] | undefined;
  for (const line of source.split('\n')) {
    if (line.startsWith('```')) {
      if (fence) {
        fences.push(fence.join('\n'));
        fence = undefined;
      } else fence = [line];
    } else if (fence) fence.push(line);
    else prose.push(line);
  }
  return { prose, fences };
}

const headings = (source: string) =>
  split(source).prose.flatMap((line) => {
    const match = /^(#{1,6}) (.+)$/.exec(line);
    return match ? [{ level: match[1]!.length, text: match[2]! }] : [];
  });

/** `inline code` spans of the prose: commands, paths, settings and codes, never translated. */
const codeSpans = (source: string) =>
  split(source)
    .prose.join('\n')
    .match(/`[^`\n]+`/g)
    ?.sort() ?? [];

/** The number of rows of each table, in order. */
const tableRows = (source: string) =>
  split(source)
    .prose.join('\n')
    .split(/\n(?!\|)/)
    .filter((block) => block.startsWith('|'))
    .map((block) => block.split('\n').length);

it("compares something: the teacher's guide has its scenario format as a fenced block", () => {
  expect(split(read('docs/teachers.md')).fences).toHaveLength(1);
});

describe.each(pairs)('$danish beside $english', ({ english, danish }) => {
  const en = read(english);
  const da = read(danish);

  it('has the same headings, level by level and in the same order', () => {
    const levels = (source: string) => headings(source).map((heading) => heading.level);
    expect(levels(da)).toEqual(levels(en));
    const perLevel = (source: string) => [1, 2, 3, 4].map((level) => levels(source).filter((found) => found === level).length);
    expect(perLevel(da)).toEqual(perLevel(en));
  });

  it('has the same fenced code blocks, character for character', () => {
    expect(split(da).fences).toEqual(split(en).fences);
  });

  it('keeps every command, path, setting and code of the English as it is', () => {
    expect(codeSpans(da)).toEqual(codeSpans(en));
  });

  it('has the same tables, row for row', () => {
    expect(tableRows(da)).toEqual(tableRows(en));
  });

  it('gives every heading an anchor of its own', () => {
    const anchors = headings(da).map((heading) => slug(heading.text));
    expect(anchors.filter((anchor, index) => anchors.indexOf(anchor) !== index)).toEqual([]);
    expect(anchors.filter((anchor) => anchor === '')).toEqual([]);
  });

  it('links to the other language at the top, both ways', () => {
    const firstLines = (source: string) => source.split('\n').slice(0, 4).join('\n');
    expect(firstLines(da)).toContain(`](${path.basename(english)})`);
    expect(firstLines(en)).toContain(`](${path.basename(danish)})`);
  });
});
