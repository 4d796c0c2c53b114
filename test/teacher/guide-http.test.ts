import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/common/project-root.ts';
import { slug } from '../../server/teacher/markdown.ts';
import type { Agent } from '../helpers/http.ts';
import { teacherAgent, teacherWorld } from './world.ts';

// Issue 14: the teacher's guide in Danish beside the English, by the console's language.

/** The first `## ` heading of a docs file, as the guide page renders it. */
function firstSection(file: string): string {
  const title = /^## (.+)$/m.exec(fs.readFileSync(path.join(projectRoot, file), 'utf8'))![1]!;
  return `<h2 id="${slug(title)}">${title}</h2>`;
}

const danish = firstSection('docs/teachers.da.md');
const english = firstSection('docs/teachers.md');
let anna: Agent;

beforeAll(async () => {
  const world = await teacherWorld();
  anna = await teacherAgent(world.app, 'anna');
});

async function guide(lang: string): Promise<string> {
  const response = await anna.get(`/teacher/guide?lang=${lang}`);
  expect(response.status).toBe(200);
  return response.text;
}

describe("the teacher's guide page", () => {
  it('is docs/teachers.da.md, marked lang="da", when the console is in Danish', async () => {
    const html = await guide('da');
    expect(danish).toContain('Før den første lektion');
    expect(html).toContain(danish);
    expect(html).not.toContain(english);
    expect(html).toContain('<div class="guide" lang="da">');
    expect(html).toContain('Vejledningen er på dansk.');
    expect(html).toContain('<a href="/teacher/guide?lang=en" hreflang="en">Læs den på engelsk');
  });

  it('is docs/teachers.md, marked lang="en", when the console is in English', async () => {
    const html = await guide('en');
    expect(english).toContain('Before the first lesson');
    expect(html).toContain(english);
    expect(html).not.toContain(danish);
    expect(html).toContain('<div class="guide" lang="en">');
    expect(html).toContain('The guide is in English.');
    expect(html).toContain('<a href="/teacher/guide?lang=da" hreflang="da">Read it in Danish');
  });

  it('is the English one, with a German note pointing at the Danish, when the console is in German', async () => {
    const html = await guide('de');
    expect(html).toContain(english);
    expect(html).toContain('<div class="guide" lang="en">');
    expect(html).toContain('Der Leitfaden ist auf Englisch.');
    expect(html).toContain('<a href="/teacher/guide?lang=da" hreflang="da">Auf Dänisch lesen');
  });

  it('keeps each language apart when the console switches back and forth (one cache entry per file)', async () => {
    for (const lang of ['da', 'en', 'da', 'en']) {
      const html = await guide(lang);
      expect(html).toContain(lang === 'da' ? danish : english);
      expect(html).not.toContain(lang === 'da' ? english : danish);
    }
  });

  it("turns the files' links to each other into links to the guide page in that language", async () => {
    const [da, en] = [await guide('da'), await guide('en')];
    expect(da).toContain('<a href="/teacher/guide?lang=en">English version: teachers.md</a>');
    expect(en).toContain('<a href="/teacher/guide?lang=da">Dansk udgave: teachers.da.md</a>');
    expect(da + en).not.toMatch(/href="teachers(\.da)?\.md"/);
  });
});
