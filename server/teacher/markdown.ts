/**
 * A small Markdown-to-HTML renderer for the teacher's guide (docs/teachers.md): headings,
 * paragraphs, lists, tables, code blocks, `code`, **bold**, *italic* and [links](...).
 * Everything is escaped first, so the file can hold no HTML of its own.
 */
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function slug(text: string): string {
  return text.toLowerCase().replace(/<[^>]+>/g, '').replace(/&[a-z]+;/g, '').replace(/[^a-z0-9æøåäöü]+/g, '-').replace(/^-|-$/g, '');
}

function inline(text: string): string {
  const codes: string[] = [];
  let html = escapeHtml(text).replace(/`([^`]+)`/g, (_match, code: string) => {
    codes.push(`<code>${code}</code>`);
    return `\u0000${codes.length - 1}\u0000`;
  });
  html = html
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>')
    .replace(/\[([^\]]+)\]\(((?:https?:\/\/|\/|#)[^)\s]*)\)/g, '<a href="$2">$1</a>');
  return html.replace(/\u0000(\d+)\u0000/g, (_match, index: string) => codes[Number(index)]!);
}

const cells = (line: string) => line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim());

export function renderMarkdown(source: string): string {
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.startsWith('```')) {
      const code: string[] = [];
      for (i += 1; i < lines.length && !lines[i]!.startsWith('```'); i += 1) code.push(lines[i]!);
      out.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`);
      i += 1;
    } else if (/^#{1,4} /.test(line)) {
      const level = line.indexOf(' ');
      const content = inline(line.slice(level + 1));
      out.push(`<h${level} id="${slug(content)}">${content}</h${level}>`);
      i += 1;
    } else if (/^\s*\|/.test(line) && /^\s*\|[\s:|-]+\|\s*$/.test(lines[i + 1] ?? '')) {
      const head = cells(line).map((cell) => `<th scope="col">${inline(cell)}</th>`).join('');
      const body: string[] = [];
      for (i += 2; i < lines.length && /^\s*\|/.test(lines[i]!); i += 1) body.push(`<tr>${cells(lines[i]!).map((cell) => `<td>${inline(cell)}</td>`).join('')}</tr>`);
      out.push(`<div class="table-wrap"><table><thead><tr>${head}</tr></thead><tbody>${body.join('')}</tbody></table></div>`);
    } else if (/^\s*([-*]|\d+\.) /.test(line)) {
      const ordered = /^\s*\d+\. /.test(line);
      const items: string[] = [];
      while (i < lines.length && /^\s*([-*]|\d+\.) /.test(lines[i]!)) {
        let item = lines[i]!.replace(/^\s*([-*]|\d+\.) /, '');
        for (i += 1; i < lines.length && /^\s{2,}\S/.test(lines[i]!) && !/^\s*([-*]|\d+\.) /.test(lines[i]!); i += 1) item += ` ${lines[i]!.trim()}`;
        items.push(`<li>${inline(item)}</li>`);
      }
      out.push(ordered ? `<ol>${items.join('')}</ol>` : `<ul>${items.join('')}</ul>`);
    } else if (line.trim() === '') {
      i += 1;
    } else {
      const paragraph = [line.trim()];
      for (i += 1; i < lines.length && lines[i]!.trim() !== '' && !/^(#{1,4} |```|\s*\||\s*([-*]|\d+\.) )/.test(lines[i]!); i += 1) paragraph.push(lines[i]!.trim());
      out.push(`<p>${inline(paragraph.join(' '))}</p>`);
    }
  }
  return out.join('\n');
}
