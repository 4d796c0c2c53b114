import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/common/project-root.ts';

/**
 * The runtime import graph of server/: which file loads which. Imports of types only
 * (`import type`, or every name marked `type`) are left out, as TypeScript erases them.
 */
function importGraph(): Map<string, string[]> {
  const root = path.join(projectRoot, 'server');
  const files = fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => `server/${file}`);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const source = fs.readFileSync(path.join(projectRoot, file), 'utf8');
    const targets: string[] = [];
    for (const match of source.matchAll(/^(?:import|export)\s+(type\s+)?(?:\{([^}]*)\}[^'"]*|[^'"{]*)from\s+'(\.[^']+)'/gm)) {
      const [, typeOnly, names, target] = match;
      if (typeOnly) continue;
      if (
        names !== undefined &&
        names.trim() !== '' &&
        names.split(',').every((name) => name.trim() === '' || name.trim().startsWith('type '))
      )
        continue;
      targets.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), target!)));
    }
    graph.set(
      file,
      targets.filter((target) => files.includes(target)),
    );
  }
  return graph;
}

/** The strongly connected parts of a graph with more than one member: each is a cycle (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (stack.includes(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) === index.get(node)) {
      const part: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        part.push(member);
      } while (member !== node);
      if (part.length > 1) found.push(part.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

/** The same graph between the domain folders of server/ (files at the top, the composition root, left out). */
function folderGraph(graph: Map<string, string[]>): Map<string, string[]> {
  const folderOf = (file: string) => (file.split('/').length > 2 ? file.split('/')[1]! : undefined);
  const folders = new Map<string, Set<string>>();
  for (const [file, targets] of graph) {
    const from = folderOf(file);
    if (!from) continue;
    for (const target of targets) {
      const to = folderOf(target);
      if (to && to !== from) folders.set(from, (folders.get(from) ?? new Set()).add(to));
    }
  }
  return new Map([...folders].map(([from, to]) => [from, [...to]]));
}

describe('the import graph of server/', () => {
  it('has no cycle between files', () => {
    expect(cycles(importGraph())).toEqual([]);
  });

  it('has no cycle between domain folders: each domain loads only the ones below it', () => {
    expect(cycles(folderGraph(importGraph()))).toEqual([]);
  });
});
