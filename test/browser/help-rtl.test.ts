import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowserSandbox, newPerson, noViolations, openBrowserSandbox, type BrowserSandbox } from '../helpers/browser.ts';

/**
 * public/css/help-languages.css: a guide panel in Arabic (dir="rtl") on a Danish page reads
 * from the right, with its list markers on the right, while the Danish page and a
 * left-to-right panel stay as they were. The panel is put into a real Danish page in the
 * shape views/partials/guide.ejs renders, with the Arabic text of locales/ar/guide.json.
 */

const arabic = JSON.parse(fs.readFileSync('locales/ar/guide.json', 'utf8')) as {
  panel: { label: string };
  steps: { loginKey: { title: string; points: string[] } };
  lessons: { heading: string; codeFormat: string };
};

let sandbox: BrowserSandbox;
let page: Page;

beforeAll(async () => {
  sandbox = await openBrowserSandbox();
  page = await (await newPerson(sandbox.browser, sandbox.app.url)).newPage();
  await page.goto('/');
  await page.evaluate(
    ({ label, title, points, lessonHeading, lesson }) => {
      const panel = (dir: string | null, lang: string, id: string) => {
        const aside = document.createElement('aside');
        aside.className = 'guide-panel';
        aside.dataset.testid = id;
        aside.setAttribute('aria-label', title);
        if (dir) aside.dir = dir;
        aside.lang = lang;
        const heading = document.createElement('h2');
        const labelSpan = document.createElement('span');
        labelSpan.className = 'guide-label';
        labelSpan.textContent = label;
        heading.append(labelSpan, ` ${title}`);
        const list = document.createElement('ul');
        list.className = 'guide-points';
        for (const point of points) list.append(Object.assign(document.createElement('li'), { textContent: point }));
        const drawing = Object.assign(document.createElement('div'), { className: 'keycard-drawing', textContent: '0042 ??????' });
        const section = Object.assign(document.createElement('section'), { className: 'lesson' });
        if (dir) section.dir = dir;
        section.append(
          Object.assign(document.createElement('h3'), { textContent: lessonHeading }),
          Object.assign(document.createElement('p'), { textContent: lesson }),
        );
        aside.append(heading, list, drawing, section);
        document.querySelector('main')!.before(aside);
      };
      panel('rtl', 'ar', 'help-rtl');
      panel(null, 'da', 'help-ltr');
    },
    {
      label: arabic.panel.label,
      title: arabic.steps.loginKey.title,
      points: arabic.steps.loginKey.points,
      lessonHeading: arabic.lessons.heading,
      lesson: arabic.lessons.codeFormat,
    },
  );
});

afterAll(async () => {
  await closeBrowserSandbox(sandbox);
});

async function styleOf(selector: string, property: string): Promise<string> {
  return page
    .locator(selector)
    .first()
    .evaluate((element, name) => getComputedStyle(element).getPropertyValue(name), property);
}

describe('an Arabic help panel on a Danish page', () => {
  it('loads the help-language stylesheet on every page', async () => {
    expect(await page.locator('link[href="/static/css/help-languages.css"]').count()).toBe(1);
  });

  it('reads from the right, with the list markers and the lesson bar on the right', async () => {
    const rtl = '[data-testid="help-rtl"]';
    expect(await styleOf(rtl, 'direction')).toBe('rtl');
    expect(await styleOf(`${rtl} .guide-points`, 'padding-left')).toBe('0px');
    expect(await styleOf(`${rtl} .guide-points`, 'padding-right')).toBe(
      await styleOf('[data-testid="help-ltr"] .guide-points', 'padding-left'),
    );
    expect(await styleOf(`${rtl} .lesson`, 'border-left-width')).toBe('0px');
    expect(await styleOf(`${rtl} .lesson`, 'border-right-width')).toBe('5px');
    const [line, item] = await page
      .locator(`${rtl} .guide-points li`)
      .first()
      .evaluate((li) => {
        const range = document.createRange();
        range.selectNodeContents(li);
        return [range.getClientRects()[0]!.right, li.getBoundingClientRect().right];
      });
    expect(Math.abs(line! - item!)).toBeLessThan(2);
  });

  it('does not space out or upper-case the Arabic label, and keeps the key card drawing left to right', async () => {
    expect(await styleOf('[data-testid="help-rtl"] .guide-label', 'letter-spacing')).toBe('normal');
    expect(await styleOf('[data-testid="help-rtl"] .guide-label', 'text-transform')).toBe('none');
    expect(await styleOf('[data-testid="help-ltr"] .guide-label', 'text-transform')).toBe('uppercase');
    expect(await styleOf('[data-testid="help-rtl"] .keycard-drawing', 'direction')).toBe('ltr');
  });

  it('leaves the Danish page and a left-to-right panel left to right', async () => {
    expect(await page.locator('html').getAttribute('lang')).toBe('da');
    expect(await styleOf('html', 'direction')).toBe('ltr');
    expect(await styleOf('main', 'direction')).toBe('ltr');
    expect(await styleOf('[data-testid="help-ltr"]', 'direction')).toBe('ltr');
    expect(await styleOf('[data-testid="help-ltr"] .guide-points', 'padding-right')).toBe('0px');
    expect(await styleOf('[data-testid="help-ltr"] .lesson', 'border-right-width')).toBe('0px');
    await noViolations(page);
  });
});
