import zlib from 'node:zlib';

const windows1252 = new TextDecoder('windows-1252');

/**
 * The text a PDF drawn with pdfkit shows: each content stream is inflated and the strings
 * of its TJ operators decoded (standard fonts, WinAnsi). Lines are joined with spaces.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const stream of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = zlib.inflateSync(Buffer.from(stream[1]!, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const array of content.matchAll(/\[(.*?)\] TJ/g)) {
      lines.push([...array[1]!.matchAll(/<([0-9a-f]*)>/g)].map((hex) => windows1252.decode(Buffer.from(hex[1]!, 'hex'))).join(''));
    }
  }
  return lines.join(' ').replace(/\s+/g, ' ');
}
