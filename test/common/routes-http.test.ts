import { beforeAll, describe, expect, it } from 'vitest';
import { uploadRoutes } from '../../server/app.ts';
import { allRoutes, pathFor, paths, routes } from '../../server/paths.ts';
import { seededContext } from '../helpers/context.ts';
import { routeTable, testApp } from '../helpers/http.ts';

type Table = ReturnType<typeof routeTable>;
let table: Table;
let layers: { path: string; match: (url: string) => unknown }[];

beforeAll(async () => {
  const app = testApp(await seededContext());
  table = routeTable(app);
  layers = [];
  const walk = (stack: unknown[]) => {
    for (const layer of stack as { route?: { path: string }; match: (url: string) => unknown; handle?: { stack?: unknown[] } }[]) {
      if (layer.route) layers.push({ path: layer.route.path, match: (url) => layer.match(url) });
      else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: unknown[] } }).router.stack);
});

/** Files that express.static serves, not routes. */
const staticFile = (pattern: string) => pattern.startsWith('/static/');

describe('the route patterns in server/paths.ts', () => {
  it('registers every pattern, and every registered route is a pattern of routes', () => {
    const patterns = new Set(allRoutes().map((route) => route.pattern));
    const registered = new Set(table.map((route) => route.path));
    expect([...patterns].filter((pattern) => !staticFile(pattern) && !registered.has(pattern))).toEqual([]);
    expect([...registered].filter((path) => !patterns.has(path))).toEqual([]);
  });

  it('registers each method of a pattern once (an upload route also once for its file reader)', () => {
    const counts = new Map<string, number>();
    for (const route of table) counts.set(`${route.method} ${route.path}`, (counts.get(`${route.method} ${route.path}`) ?? 0) + 1);
    const uploads = new Set(uploadRoutes.map((route) => `POST ${route.pattern}`));
    const wrong = [...counts].filter(([key, count]) => count !== (uploads.has(key) ? 2 : 1));
    expect(wrong).toEqual([]);
    for (const key of uploads) expect(counts.get(key), key).toBe(2);
  });

  it('builds from every pattern a path that the route of that pattern matches', () => {
    const builders = paths as unknown as Record<string, unknown>;
    for (const { name, pattern } of allRoutes()) {
      if (staticFile(pattern)) continue;
      const builder = name.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], builders);
      const names = [...pattern.matchAll(/:(\w+)/g)].map((match) => match[1]!);
      const url =
        typeof builder === 'function' ? (builder as (...values: string[]) => string)(...names.map((_, i) => `v${i} x/y`)) : builder;
      expect(typeof url, name).toBe('string');
      const matching = layers.filter((layer) => layer.match(url as string));
      expect(
        matching.map((layer) => layer.path),
        `${name} ${url}`,
      ).toContain(pattern);
    }
  });

  it('encodes every parameter and names a missing one', () => {
    expect(paths.teacher.klass('A B/C')).toBe('/teacher/classes/A%20B%2FC');
    expect(pathFor(routes.workshop.launch, { id: 3, attackId: 'a&b' })).toBe('/workshop/3/attacks/a%26b/launch');
    expect(() => pathFor(routes.issuer.action, { id: 1 } as never)).toThrow(
      "pathFor('/issuer/citizens/:id/:action'): no value for :action",
    );
    expect(pathFor(routes.post.inbox)).toBe('/post');
  });
});
