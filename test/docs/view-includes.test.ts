import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/common/project-root.ts';

const viewsDir = path.join(projectRoot, 'views');

/** Every `include('...')` of every view, with the file it is written in. */
function includes(): { view: string; name: string }[] {
  const found: { view: string; name: string }[] = [];
  for (const view of fs.readdirSync(viewsDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ejs'))) {
    const source = fs.readFileSync(path.join(viewsDir, view), 'utf8');
    for (const match of source.matchAll(/include\(\s*(['"`])([^'"`]*)\1/g)) found.push({ view, name: match[2]! });
  }
  return found;
}

// server/app.ts gives EJS views/ as its root: an include named from there is found without
// a file-system check per include per page; a relative one costs an existsSync each time.
describe('the views include each other by their name from views/', () => {
  it('names every include from views/, and each names a view that exists', () => {
    const all = includes();
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter(({ name }) => !name.startsWith('/'))).toEqual([]);
    const missing = all.filter(({ name }) => !fs.existsSync(path.join(viewsDir, name.endsWith('.ejs') ? name : `${name}.ejs`)));
    expect(missing).toEqual([]);
  });
});
