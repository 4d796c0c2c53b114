import zlib from 'node:zlib';

/**
 * The text on each page of a PDF made by pdfkit with its standard fonts: each page's
 * content stream is inflated and its text strings (hex, WinAnsi) decoded. Enough to check
 * what a reader of the printout sees; not a general PDF reader.
 */
export function pdfPageTexts(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const objects = new Map<number, string>();
  for (const match of raw.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) objects.set(Number(match[1]), match[2]!);
  const streamOf = (body: string): string => {
    const start = body.indexOf('stream') + 'stream'.length;
    const end = body.lastIndexOf('endstream');
    let data = Buffer.from(body.slice(start, end).replace(/^\r?\n/, ''), 'latin1');
    if (/\/FlateDecode/.test(body)) data = zlib.inflateSync(data);
    return data.toString('latin1');
  };
  const textOf = (content: string): string =>
    [...content.matchAll(/\[(.*?)\] TJ/g)]
      .map((tj) => [...tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((hex) => Buffer.from(hex[1]!, 'hex').toString('latin1')).join(''))
      .join('\n');
  const pages: string[] = [];
  for (const body of objects.values()) {
    if (!/\/Type \/Page\b/.test(body)) continue;
    const contents = /\/Contents (\d+) 0 R/.exec(body);
    if (contents) pages.push(textOf(streamOf(objects.get(Number(contents[1]))!)));
  }
  return pages;
}
