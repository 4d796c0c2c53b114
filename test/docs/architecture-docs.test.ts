import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/common/project-root.ts';
import { slug } from '../../server/teacher/markdown.ts';

const read = (file: string) => fs.readFileSync(path.join(projectRoot, file), 'utf8');
const serverDir = path.join(projectRoot, 'server');

/** The folders directly under server/, as they are on disk. */
function serverFolders(): string[] {
  return fs
    .readdirSync(serverDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** The `server/<name>/` rows of the folder table in docs/architecture.md. */
function foldersInTable(): string[] {
  const doc = read('docs/architecture.md');
  const section = doc.slice(doc.indexOf('## Folders'));
  const table = section.slice(0, section.indexOf('\n## '));
  return [...table.matchAll(/^\| `server\/([^/`]+)\/` \|/gm)].map((match) => match[1]!).sort();
}

/** Every .ts file under server/, with its path from the project root. */
function serverSources(dir = serverDir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return serverSources(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The Markdown files of docs/, with their path from the project root. */
function docFiles(): string[] {
  return fs
    .readdirSync(path.join(projectRoot, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`);
}

/** The rule numbers that have a `## R<n>: ...` heading in docs/rules.md. */
function ruleHeadings(): number[] {
  return [...read('docs/rules.md').matchAll(/^## R(\d+): \S/gm)].map((match) => Number(match[1]));
}

describe('the folder table of docs/architecture.md', () => {
  it('has a row for every folder of server/', () => {
    const listed = new Set(foldersInTable());
    const missing = serverFolders().filter((folder) => !listed.has(folder));
    expect(missing, `folders of server/ missing from the table in docs/architecture.md: ${missing.join(', ')}`).toEqual([]);
  });

  it('names no folder that server/ no longer has', () => {
    const onDisk = new Set(serverFolders());
    const stale = foldersInTable().filter((folder) => !onDisk.has(folder));
    expect(stale, `folders in docs/architecture.md that server/ does not have: ${stale.join(', ')}`).toEqual([]);
  });

  it('lists each folder once', () => {
    const rows = foldersInTable();
    const twice = rows.filter((folder, index) => rows.indexOf(folder) !== index);
    expect(twice).toEqual([]);
  });
});

describe('the rules of docs/rules.md', () => {
  it('has one heading for each rule R1 to R21, in order', () => {
    expect(ruleHeadings()).toEqual(Array.from({ length: 21 }, (_, index) => index + 1));
  });

  it('names the passage of the source text each rule comes from', () => {
    const rules = read('docs/rules.md')
      .split(/^## /m)
      .filter((part) => /^R\d+: /.test(part));
    const unsourced = rules.filter((rule) => !/Source text l\. \d+-\d+/.test(rule)).map((rule) => rule.split(':')[0]);
    expect(unsourced).toEqual([]);
  });

  it('explains every rule that the server code cites', () => {
    const headings = new Set(ruleHeadings());
    const unexplained = serverSources().flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/\bR(\d+)\b/g)]
        .filter((match) => !headings.has(Number(match[1])))
        .map((match) => `${path.relative(projectRoot, file)} cites ${match[0]}`),
    );
    expect(unexplained).toEqual([]);
  });
});

describe('the README and docs/', () => {
  it('point at no file outside the repository', () => {
    const outside = ['README.md', ...docFiles()].flatMap((file) =>
      read(file)
        .split('\n')
        .flatMap((line, index) =>
          /\.\.\/shared\/|\bDOMAIN\.md\b|\bSPEC\.md\b/.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(outside).toEqual([]);
  });

  it('have relative links that lead to a file of the repository (and a heading, for #anchors)', () => {
    const broken = ['README.md', ...docFiles()].flatMap((file) =>
      [...read(file).matchAll(/\]\(([^)\s]+)\)/g)]
        .map((match) => match[1]!)
        .filter((target) => !/^[a-z]+:/.test(target))
        .filter((target) => {
          const [name, anchor] = target.split('#') as [string, string | undefined];
          const linked = name === '' ? file : path.join(path.dirname(file), name);
          if (!fs.existsSync(path.join(projectRoot, linked))) return true;
          if (anchor === undefined || !linked.endsWith('.md')) return false;
          return !read(linked)
            .split('\n')
            .some((line) => /^#{1,6} /.test(line) && slug(line.replace(/^#+ /, '')) === anchor);
        })
        .map((target) => `${file}: ${target}`),
    );
    expect(broken).toEqual([]);
  });
});
