import MarkdownIt from 'markdown-it';
import anchor from 'markdown-it-anchor';

/**
 * The teacher's guide (docs/teachers.md) as HTML, by markdown-it with raw HTML off, so the
 * file can hold no markup of its own. Headings get ids so the console can link to a
 * section; tables scroll inside their own box on a narrow screen.
 */
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** "Reset a class" -> "reset-a-class", keeping Danish and German letters. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9æøåäöü]+/g, '-')
    .replace(/^-|-$/g, '');
}

markdown.use(anchor, { slugify: slug, tabIndex: false });
markdown.renderer.rules.table_open = () => '<div class="table-wrap"><table>\n';
markdown.renderer.rules.table_close = () => '</table></div>\n';
markdown.renderer.rules.th_open = (tokens, index, options, _env, self) => {
  tokens[index]!.attrSet('scope', 'col');
  return self.renderToken(tokens, index, options);
};

/**
 * `links` swaps a relative link of the file for a page of the app (env of markdown-it):
 * the guide's line "[Dansk udgave: teachers.da.md](teachers.da.md)" leads to the guide page
 * in Danish, not to a file the server does not serve.
 */
const defaultLinkOpen =
  markdown.renderer.rules.link_open ?? ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
markdown.renderer.rules.link_open = (tokens, index, options, env: { links?: Record<string, string> }, self) => {
  const token = tokens[index]!;
  const swapped = env.links?.[token.attrGet('href') ?? ''];
  if (swapped !== undefined) token.attrSet('href', swapped);
  return defaultLinkOpen(tokens, index, options, env, self);
};

export function renderMarkdown(source: string, links: Record<string, string> = {}): string {
  return markdown.render(source, { links });
}
