/**
 * pdfkit, loaded at the first PDF a page asks for: its fonts and tables are about 7 MB
 * that the server need not hold from its start (docs/benchmarks.md, memory).
 */
export async function loadPdfKit(): Promise<typeof import('pdfkit')> {
  return (await import('pdfkit')).default;
}
