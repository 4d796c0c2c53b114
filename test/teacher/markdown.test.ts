import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../server/teacher/markdown.ts';

describe("the teacher's guide as HTML", () => {
  it('gives headings ids a link can point at, Danish letters kept', () => {
    expect(renderMarkdown('## Nulstil en klasse før næste hold')).toBe(
      '<h2 id="nulstil-en-klasse-før-næste-hold">Nulstil en klasse før næste hold</h2>\n',
    );
  });

  it('lets no markup of the file through: raw HTML is shown as text and a javascript: link is no link', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n[click](javascript:alert(1)) and [the console](/teacher)');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('<a href="/teacher">the console</a>');
  });

  it('puts tables in a box that scrolls, with column headers for screen readers', () => {
    const html = renderMarkdown('| Setting | Default |\n|---|---|\n| keys | 148 |');
    expect(html).toMatch(/^<div class="table-wrap"><table>/);
    expect(html).toContain('<th scope="col">Setting</th>');
    expect(html).toContain('<td>148</td>');
  });

  it('swaps only the relative links it is given for pages of the app', () => {
    const html = renderMarkdown('[Dansk](teachers.da.md), [rules](rules.md)', { 'teachers.da.md': '/teacher/guide?lang=da' });
    expect(html).toContain('<a href="/teacher/guide?lang=da">Dansk</a>');
    expect(html).toContain('<a href="rules.md">rules</a>');
  });
});
