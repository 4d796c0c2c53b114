import type { Blueprint, Citizen } from '../citizen/types.ts';
import type { Translate } from '../common/i18n.ts';
import type { PrintableCard } from '../keycard/keycard-print.ts';
import type { ClassRow } from './types.ts';
import { loadPdfKit } from '../common/pdfkit.ts';

export interface Slip {
  citizen: Citizen;
  blueprint: Blueprint;
  cards: PrintableCard[];
}

const page = { width: 595.28, height: 841.89, margin: 40 };
const inner = page.width - 2 * page.margin;

/** The stamp at the top and bottom of every page: no sheet of this PDF can pass for a real one. */
function stamp(doc: PDFKit.PDFDocument, t: Translate, klass: ClassRow): void {
  // Drawn in the page's margins: with no bottom margin pdfkit never starts a page for it.
  const margins = doc.page.margins;
  doc.page.margins = { ...margins, top: 0, bottom: 0 };
  doc.save().rect(page.margin, 14, inner, 20).fill('#fff1a8').restore();
  doc.font('Helvetica-Bold').fontSize(11).fillColor('#000').text(t('teacher:pdf.stamp'), page.margin + 6, 19, { width: inner - 12, lineBreak: false });
  doc.font('Helvetica').fontSize(8).text(t('teacher:pdf.footer', { code: klass.code }), page.margin, page.height - 28, { width: inner, align: 'center', lineBreak: false });
  doc.page.margins = margins;
  doc.x = page.margin;
  doc.y = page.margin + 4;
}

function slipBox(doc: PDFKit.PDFDocument, t: Translate, slip: Slip, klass: ClassRow): void {
  const top = doc.y;
  const rows: [string, string][] = [
    [t('teacher:home.nemidNumber'), slip.citizen.nemidNumber],
    [t('teacher:home.userId'), slip.citizen.userId ?? '–'],
    [t(slip.citizen.state === 'pending' ? 'teacher:print.temporaryPassword' : 'teacher:home.password'), slip.blueprint.knownPassword],
    [t('teacher:pdf.classCode'), klass.code],
  ];
  doc.font('Helvetica-Bold').fontSize(8).text(t('keycard:trainingOnly'), page.margin + 10, top + 8);
  doc.fontSize(14).text(t('teacher:print.slipHeading', { name: slip.citizen.name }), page.margin + 10, top + 22, { width: inner - 20 });
  let y = doc.y + 4;
  for (const [label, value] of rows) {
    doc.font('Helvetica-Bold').fontSize(11).text(label, page.margin + 10, y, { width: 170 });
    doc.font('Courier-Bold').fontSize(12).text(value, page.margin + 185, y - 1, { width: inner - 195 });
    y += 17;
  }
  doc.font('Helvetica').fontSize(8).text(t('teacher:pdf.keepApart'), page.margin + 10, y + 2, { width: inner - 20 });
  const bottom = doc.y + 8;
  doc.save().dash(4, { space: 3 }).lineWidth(1).rect(page.margin, top, inner, bottom - top).stroke().restore();
  doc.font('Helvetica').fontSize(8).fillColor('#4a4a4a').text(t('teacher:pdf.cutHere'), page.margin, bottom + 4, { width: inner, align: 'center' });
  doc.fillColor('#000');
  doc.y = bottom + 22;
}

function cardBox(doc: PDFKit.PDFDocument, t: Translate, card: PrintableCard, time: (ms: number) => string): void {
  const top = doc.y;
  doc.font('Helvetica-Bold').fontSize(9).text(t('keycard:trainingOnly'), page.margin + 8, top + 6);
  doc.fontSize(11).text(`${t('keycard:cardNumber')} ${card.cardNumber}`, page.margin + 8, doc.y + 2);
  doc.font('Helvetica').fontSize(9).text(`${card.holder} · ${t('keycard:nemidNumber')} ${card.nemidNumber}`);
  if (card.status === 'sent') doc.text(t('keycard:onItsWay', { date: time(card.arrivesAt) }));
  const columns = card.keys.length <= 160 ? 4 : card.keys.length <= 240 ? 5 : 6;
  const rows = Math.ceil(card.keys.length / columns);
  const gridTop = doc.y + 6;
  const footer = 30;
  const rowHeight = Math.min(13.5, (page.height - page.margin - footer - gridTop) / (rows + 1));
  const fontSize = Math.max(5, Math.min(9.5, rowHeight - 3.5));
  const columnWidth = (inner - 16) / columns;
  doc.font('Helvetica-Bold').fontSize(fontSize);
  for (let c = 0; c < columns; c += 1) {
    doc.text(`${t('keycard:key')}  ${t('keycard:code')}`, page.margin + 8 + c * columnWidth, gridTop, { width: columnWidth - 6, lineBreak: false });
  }
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < columns; c += 1) {
      const entry = card.keys[c * rows + r];
      if (!entry) continue;
      const x = page.margin + 8 + c * columnWidth;
      const y = gridTop + (r + 1) * rowHeight;
      doc.fillColor(entry.used ? '#777777' : '#000000');
      doc.font('Courier-Bold').fontSize(fontSize).text(entry.key, x, y, { lineBreak: false });
      doc.font('Courier').fontSize(fontSize).text(entry.code, x + fontSize * 3.2, y, { lineBreak: false });
      if (entry.used) doc.save().moveTo(x, y + fontSize / 2).lineTo(x + fontSize * 7, y + fontSize / 2).lineWidth(0.7).stroke('#777777').restore();
    }
  }
  doc.fillColor('#000');
  const bottom = gridTop + (rows + 1) * rowHeight + 2;
  doc.font('Helvetica').fontSize(7.5).text(t('keycard:rule'), page.margin + 8, bottom, { width: inner - 16, lineBreak: false });
  doc.lineWidth(1.5).rect(page.margin, top, inner, bottom + 12 - top).stroke();
}

/**
 * The whole class's login slips and key cards as one PDF: one A4 page per trainee (a
 * second page only for a card on its way by post), every page stamped TRAINING.
 */
export async function classCardsPdf(klass: ClassRow, slips: Slip[], t: Translate, time: (ms: number) => string, options: { compress?: boolean } = {}): Promise<Buffer> {
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: page.margin, bottom: 20, left: page.margin, right: page.margin },
    compress: options.compress ?? true,
    info: { Title: t('teacher:print.title', { code: klass.code }), Author: t('common:brand'), Subject: t('teacher:pdf.stamp') },
    autoFirstPage: false,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.on('pageAdded', () => stamp(doc, t, klass));
  for (const slip of slips) {
    doc.addPage();
    slipBox(doc, t, slip, klass);
    slip.cards.forEach((card, index) => {
      if (index > 0) doc.addPage();
      cardBox(doc, t, card, time);
    });
  }
  if (slips.length === 0) {
    doc.addPage();
    doc.font('Helvetica').fontSize(12).text(t('teacher:print.none'));
  }
  doc.end();
  return done;
}
