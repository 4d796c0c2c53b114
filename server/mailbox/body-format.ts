/**
 * Safe formatted text for letter bodies: blank lines separate paragraphs, a line
 * starting with "- " is a list item, and every other line break is kept. The result is
 * plain data that the view prints escaped, so a body can never carry HTML.
 */
export type Block = { type: 'paragraph'; lines: string[] } | { type: 'list'; items: string[] };

export function formatBody(text: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk
      .split('\n')
      .map((line) => line.trimEnd())
      .filter((line) => line.trim() !== '');
    let current: Block | undefined;
    for (const line of lines) {
      const item = /^\s*[-•]\s+(.*)$/.exec(line);
      if (item) {
        if (current?.type !== 'list') blocks.push((current = { type: 'list', items: [] }));
        current.items.push(item[1]!);
      } else {
        if (current?.type !== 'paragraph') blocks.push((current = { type: 'paragraph', lines: [] }));
        current.lines.push(line.trim());
      }
    }
  }
  return blocks;
}
