import type { Blueprint, Citizen } from '../citizen/types.ts';
import { formatTime, translator, type Translate } from '../common/i18n.ts';
import { qrMatrix, type QrMatrix } from '../common/qr.ts';
import type { CardInHand, PrintableCard } from '../keycard/keycard-print.ts';
import type { ClassRow } from '../classes/types.ts';
import { loadPdfKit } from '../common/pdfkit.ts';
import { paths } from '../paths.ts';
import type { FictionalPassport } from '../mitid/activation-service.ts';

export interface Slip {
  citizen: Citizen;
  blueprint: Blueprint;
  inHand: CardInHand;
  /** MitID classes (server/teacher/print-service.ts): the activation letter, or the note how to move from NemID. */
  letter?: ActivationLetter;
}

/**
 * `activate`: a MitID-only trainee still to get MitID; the letter replaces the key card.
 * `move`: a NemID holder; the key card stays, with a note how to create MitID with NemID
 * (and the fictional passport when the scenario gives one too).
 */
export interface ActivationLetter {
  kind: 'activate' | 'move';
  passport?: FictionalPassport;
}

/** `a4`: one A4 page per trainee. `wallet`: two trainees a page, slip and card each 85 x 54 mm folded. */
export const printLayouts = ['a4', 'wallet'] as const;
export type PrintLayout = (typeof printLayouts)[number];

export interface PrintOptions {
  layout: PrintLayout;
  /** The sandbox's address, printed with its QR code on every slip (config `publicBaseUrl`). */
  address: string;
  /** The locale key of the text of an empty printout (default: the class has no trainees). */
  emptyText?: 'teacher:print.none' | 'teacher:print.noneNew';
  compress?: boolean;
}

type Doc = PDFKit.PDFDocument;
/** One trainee's texts: the slip and card speak the trainee's own language. */
interface Voice {
  t: Translate;
  time: (ms: number) => string;
}

const mm = 72 / 25.4;
const page = { width: 595.28, height: 841.89, margin: 40 };
const inner = page.width - 2 * page.margin;

function drawQr(doc: Doc, qr: QrMatrix, x: number, y: number, side: number): void {
  const quiet = 2;
  const cell = side / (qr.size + 2 * quiet);
  doc.save().rect(x, y, side, side).fill('#ffffff');
  for (let row = 0; row < qr.size; row += 1) {
    for (let column = 0; column < qr.size; column += 1) {
      if (qr.dark(row, column)) doc.rect(x + (column + quiet) * cell, y + (row + quiet) * cell, cell, cell);
    }
  }
  doc.fill('#000000').restore();
}

/** The stamp at the top and bottom of every page: no sheet of this PDF can pass for a real one. */
function stamp(doc: Doc, t: Translate, klass: ClassRow): void {
  // Drawn in the page's margins: with no bottom margin pdfkit never starts a page for it.
  const margins = doc.page.margins;
  doc.page.margins = { ...margins, top: 0, bottom: 0 };
  doc.save().rect(page.margin, 14, inner, 20).fill('#fff1a8').restore();
  doc
    .font('Helvetica-Bold')
    .fontSize(11)
    .fillColor('#000')
    .text(t('teacher:pdf.stamp'), page.margin + 6, 19, { width: inner - 12, lineBreak: false });
  doc
    .font('Helvetica')
    .fontSize(8)
    .text(t('teacher:pdf.footer', { code: klass.code }), page.margin, page.height - 28, {
      width: inner,
      align: 'center',
      lineBreak: false,
    });
  doc.page.margins = margins;
  doc.x = page.margin;
  doc.y = page.margin + 4;
}

/** The slip's rows: what the trainee types, and where. */
function slipRows(v: Voice, slip: Slip, klass: ClassRow): [string, string][] {
  if (slip.letter?.kind === 'activate' && slip.letter.passport) {
    // MitID only: the NemID login does not know the trainee, so the slip gives the passport instead.
    return [
      [v.t('teacher:mitidLetter.passportNumber'), slip.letter.passport.number],
      [v.t('teacher:pdf.joinCode'), klass.joinCode ?? klass.code],
    ];
  }
  return [
    [v.t('teacher:home.nemidNumber'), slip.citizen.nemidNumber],
    [v.t('teacher:home.userId'), slip.citizen.userId ?? '–'],
    [v.t(slip.citizen.state === 'pending' ? 'teacher:print.temporaryPassword' : 'teacher:home.password'), slip.blueprint.knownPassword],
    [v.t('teacher:pdf.joinCode'), klass.joinCode ?? klass.code],
  ];
}

/** The line under a card's number: a new card that has come by post, or one still in the post. */
function cardNotes(v: Voice, inHand: CardInHand): string[] {
  const notes: string[] = [];
  const card = inHand.card;
  if (card?.status === 'sent') notes.push(v.t(card.arrived ? 'keycard:arrived' : 'keycard:onItsWay', { date: v.time(card.arrivesAt) }));
  if (inHand.onItsWay)
    notes.push(v.t('keycard:nextOnItsWay', { number: inHand.onItsWay.cardNumber, date: v.time(inHand.onItsWay.arrivesAt) }));
  return notes;
}

function slipBoxA4(doc: Doc, v: Voice, slip: Slip, klass: ClassRow, address: string, qr: QrMatrix): void {
  const top = doc.y;
  const qrSide = 92;
  const textWidth = inner - qrSide - 30;
  doc
    .font('Helvetica-Bold')
    .fontSize(8)
    .text(v.t('keycard:trainingOnly'), page.margin + 10, top + 8, { width: textWidth });
  doc.fontSize(14).text(v.t('teacher:print.slipHeading', { name: slip.citizen.name }), page.margin + 10, top + 22, { width: textWidth });
  let y = doc.y + 4;
  for (const [label, value] of slipRows(v, slip, klass)) {
    doc
      .font('Helvetica-Bold')
      .fontSize(11)
      .text(label, page.margin + 10, y, { width: 150 });
    doc
      .font('Courier-Bold')
      .fontSize(12)
      .text(value, page.margin + 165, y - 1, { width: textWidth - 160 });
    y += 17;
  }
  doc
    .font('Helvetica-Bold')
    .fontSize(11)
    .text(v.t('teacher:pdf.address'), page.margin + 10, y, { width: 150 });
  doc
    .font('Courier-Bold')
    .fontSize(11)
    .text(address, page.margin + 165, y, { width: textWidth - 160 });
  y = Math.max(doc.y, y + 14) + 2;
  doc
    .font('Helvetica')
    .fontSize(8)
    .text(v.t('teacher:pdf.joinHow', { address: `${address}/join` }), page.margin + 10, y, { width: textWidth });
  doc.text(v.t('teacher:pdf.keepApart'), { width: textWidth });
  const qrX = page.margin + inner - qrSide - 10;
  drawQr(doc, qr, qrX, top + 10, qrSide);
  doc
    .font('Helvetica')
    .fontSize(7)
    .text(v.t('teacher:pdf.scan'), qrX, top + 14 + qrSide, { width: qrSide, align: 'center' });
  const bottom = Math.max(doc.y, top + qrSide + 30) + 8;
  doc
    .save()
    .dash(4, { space: 3 })
    .lineWidth(1)
    .rect(page.margin, top, inner, bottom - top)
    .stroke()
    .restore();
  doc
    .font('Helvetica')
    .fontSize(8)
    .fillColor('#4a4a4a')
    .text(v.t('teacher:pdf.cutHere'), page.margin, bottom + 4, { width: inner, align: 'center' });
  doc.fillColor('#000');
  doc.y = bottom + 22;
}

/** Draws one key: number, code and a box to tick when it is used (a used key is struck through and ticked). */
function drawKey(doc: Doc, entry: PrintableCard['keys'][number], x: number, y: number, fontSize: number): number {
  const charWidth = fontSize * 0.6;
  doc.fillColor(entry.used ? '#777777' : '#000000');
  doc.font('Courier-Bold').fontSize(fontSize).text(entry.key, x, y, { lineBreak: false });
  doc
    .font('Courier')
    .fontSize(fontSize)
    .text(entry.code, x + charWidth * 5, y, { lineBreak: false });
  const box = fontSize * 0.7;
  const boxX = x + charWidth * 11.2;
  doc
    .save()
    .lineWidth(0.5)
    .rect(boxX, y + fontSize * 0.05, box, box)
    .stroke(entry.used ? '#777777' : '#000000')
    .restore();
  if (entry.used) {
    doc.save().lineWidth(0.7).strokeColor('#777777');
    doc
      .moveTo(x, y + fontSize / 2)
      .lineTo(x + charWidth * 11, y + fontSize / 2)
      .stroke();
    doc
      .moveTo(boxX, y + fontSize * 0.05)
      .lineTo(boxX + box, y + fontSize * 0.05 + box)
      .stroke();
    doc.restore();
  }
  doc.fillColor('#000');
  return boxX + box - x;
}

function cardBoxA4(doc: Doc, v: Voice, inHand: CardInHand): void {
  const top = doc.y;
  const card = inHand.card;
  doc
    .font('Helvetica-Bold')
    .fontSize(9)
    .text(v.t('keycard:trainingOnly'), page.margin + 8, top + 6);
  if (!card) {
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(v.t('keycard:none'), page.margin + 8, doc.y + 4, { width: inner - 16 });
    for (const note of cardNotes(v, inHand)) doc.text(note, { width: inner - 16 });
    doc
      .lineWidth(1.5)
      .rect(page.margin, top, inner, doc.y + 8 - top)
      .stroke();
    return;
  }
  doc.fontSize(11).text(`${v.t('keycard:cardNumber')} ${card.cardNumber}`, page.margin + 8, doc.y + 2);
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(`${card.holder} · ${v.t('keycard:nemidNumber')} ${card.nemidNumber}`);
  for (const note of cardNotes(v, inHand)) doc.text(note, { width: inner - 16 });
  const columns = card.keys.length <= 160 ? 4 : card.keys.length <= 240 ? 5 : 6;
  const rows = Math.ceil(card.keys.length / columns);
  const gridTop = doc.y + 6;
  const footer = 30;
  const rowHeight = Math.min(13.5, (page.height - page.margin - footer - gridTop) / (rows + 1));
  const fontSize = Math.max(5, Math.min(9.5, rowHeight - 3.5));
  const columnWidth = (inner - 16) / columns;
  doc.font('Helvetica-Bold').fontSize(fontSize);
  for (let c = 0; c < columns; c += 1) {
    doc.text(`${v.t('keycard:key')}  ${v.t('keycard:code')}`, page.margin + 8 + c * columnWidth, gridTop, {
      width: columnWidth - 6,
      lineBreak: false,
    });
  }
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < columns; c += 1) {
      const entry = card.keys[c * rows + r];
      if (entry) drawKey(doc, entry, page.margin + 8 + c * columnWidth, gridTop + (r + 1) * rowHeight, fontSize);
    }
  }
  const bottom = gridTop + (rows + 1) * rowHeight + 2;
  doc
    .font('Helvetica')
    .fontSize(7.5)
    .text(v.t('keycard:rule'), page.margin + 8, bottom, { width: inner - 16, lineBreak: false });
  doc
    .lineWidth(1.5)
    .rect(page.margin, top, inner, bottom + 12 - top)
    .stroke();
}

/** The lines of the activation letter after its facts: what the activation asks, in order. */
function letterSteps(v: Voice, address: string): string[] {
  return [
    v.t('teacher:mitidLetter.step1'),
    v.t('teacher:mitidLetter.step2'),
    v.t('teacher:mitidLetter.step3', { rules: v.t('mitidactivation:steps.userId.hint') }),
    v.t('teacher:mitidLetter.step4', { rules: v.t('mitidactivation:steps.password.hint') }),
    v.t('teacher:mitidLetter.step5', { address: `${address}${paths.post.inbox}` }),
  ];
}

/** The activation letter in place of the key card (A4), marked TRAINING like the cards. */
function letterBoxA4(doc: Doc, v: Voice, slip: Slip, address: string): void {
  const letter = slip.letter!;
  const passport = letter.passport!;
  const top = doc.y;
  const x = page.margin + 10;
  const width = inner - 20;
  doc
    .font('Helvetica-Bold')
    .fontSize(9)
    .text(v.t('teacher:mitidLetter.trainingOnly'), x, top + 8, { width });
  doc.fontSize(14).text(v.t('teacher:mitidLetter.heading', { name: slip.citizen.name }), x, doc.y + 4, { width });
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(v.t('teacher:mitidLetter.intro'), x, doc.y + 4, { width });
  let y = doc.y + 8;
  for (const [label, value, font] of [
    [v.t('teacher:mitidLetter.where'), `${address}${paths.mitid.activate}`, 'Courier-Bold'],
    [v.t('teacher:mitidLetter.passportName'), passport.name, 'Helvetica'],
    [v.t('teacher:mitidLetter.passportNumber'), passport.number, 'Courier-Bold'],
    [v.t('teacher:mitidLetter.codeLine'), passport.codeLine, 'Courier'],
  ] as const) {
    doc.font('Helvetica-Bold').fontSize(11).text(label, x, y, { width: 170 });
    doc
      .font(font)
      .fontSize(font === 'Courier' ? 9 : 12)
      .text(value, x + 175, y - 1, { width: width - 175 });
    y = Math.max(doc.y, y + 15) + 3;
  }
  doc
    .font('Helvetica-Bold')
    .fontSize(11)
    .text(v.t('teacher:mitidLetter.stepsHeading'), x, y + 6, { width });
  letterSteps(v, address).forEach((step, index) => {
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(`${index + 1}. ${step}`, x, doc.y + 4, { width });
  });
  doc
    .font('Helvetica-Oblique')
    .fontSize(9)
    .text(v.t('teacher:mitidLetter.never'), x, doc.y + 8, { width });
  doc
    .lineWidth(1.5)
    .rect(page.margin, top, inner, doc.y + 10 - top)
    .stroke();
  doc.y += 20;
}

/** The note above a NemID holder's key card: how to create MitID with NemID (and the passport, if the scenario gives one). */
function moveNoteA4(doc: Doc, v: Voice, slip: Slip, address: string): void {
  const letter = slip.letter!;
  const x = page.margin + 8;
  const width = inner - 16;
  const top = doc.y;
  doc
    .font('Helvetica-Bold')
    .fontSize(10)
    .text(v.t('teacher:mitidLetter.moveHeading'), x, top + 5, { width });
  doc
    .font('Helvetica')
    .fontSize(8.5)
    .text(v.t('teacher:mitidLetter.moveText', { address: `${address}${paths.mitid.get}` }), x, doc.y + 2, { width });
  if (letter.passport)
    doc.text(
      v.t('teacher:mitidLetter.movePassport', { address: `${address}${paths.mitid.activate}`, number: letter.passport.number }),
      x,
      doc.y + 2,
      { width },
    );
  doc
    .save()
    .lineWidth(0.8)
    .rect(page.margin, top, inner, doc.y + 5 - top)
    .stroke()
    .restore();
  doc.y += 14;
}

/** The activation letter in the wallet layout: facts on the front, what the activation asks on the back. */
function walletLetter(doc: Doc, v: Voice, slip: Slip, address: string, x: number, y: number): void {
  const w = wallet.width;
  const h = wallet.height;
  const pad = wallet.pad;
  const text = w - 2 * pad;
  const passport = slip.letter!.passport!;
  doc
    .font('Helvetica-Bold')
    .fontSize(5)
    .text(v.t('teacher:mitidLetter.trainingOnly'), x + pad, y + pad, { width: text, height: 14 });
  doc
    .fontSize(7.5)
    .text(v.t('teacher:mitidLetter.heading', { name: slip.citizen.name }), x + pad, doc.y + 2, { width: text, height: 20, ellipsis: true });
  let rowY = doc.y + 3;
  for (const [label, value] of [
    [v.t('teacher:mitidLetter.passportNumber'), passport.number],
    [v.t('teacher:mitidLetter.where'), `${address}${paths.mitid.activate}`],
  ] as const) {
    doc
      .font('Helvetica-Bold')
      .fontSize(5.5)
      .text(label, x + pad, rowY, { width: text, lineBreak: false });
    doc
      .font('Courier-Bold')
      .fontSize(7)
      .text(value, x + pad, rowY + 7, { width: text, height: 9, ellipsis: true });
    rowY += 19;
  }
  doc
    .font('Helvetica')
    .fontSize(5)
    .text(v.t('teacher:mitidLetter.never'), x + pad, rowY + 1, { width: text, height: y + h - pad - rowY - 1, ellipsis: true });
  doc
    .font('Helvetica-Bold')
    .fontSize(5.5)
    .text(v.t('teacher:mitidLetter.stepsHeading'), x + w + pad, y + pad, { width: text, lineBreak: false });
  doc
    .font('Helvetica')
    .fontSize(4.6)
    .text(
      letterSteps(v, address)
        .map((step, index) => `${index + 1}. ${step}`)
        .join('\n'),
      x + w + pad,
      y + pad + 8,
      { width: text, height: h - 2 * pad - 8, ellipsis: true },
    );
}

/** Cut marks at the corners of a piece, outside it, so the cut leaves no line on the piece. */
function cutMarks(doc: Doc, x: number, y: number, width: number, height: number): void {
  const gap = 3;
  const length = 9;
  doc.save().lineWidth(0.5).strokeColor('#000000');
  for (const [cx, cy, dx, dy] of [
    [x, y, -1, -1],
    [x + width, y, 1, -1],
    [x, y + height, -1, 1],
    [x + width, y + height, 1, 1],
  ] as const) {
    doc
      .moveTo(cx + dx * gap, cy)
      .lineTo(cx + dx * (gap + length), cy)
      .stroke();
    doc
      .moveTo(cx, cy + dy * gap)
      .lineTo(cx, cy + dy * (gap + length))
      .stroke();
  }
  doc.restore();
}

/** A dotted fold line down the middle of a two-panel piece. */
function foldLine(doc: Doc, x: number, y: number, height: number): void {
  doc
    .save()
    .dash(1.5, { space: 2 })
    .lineWidth(0.5)
    .strokeColor('#777777')
    .moveTo(x, y)
    .lineTo(x, y + height)
    .stroke()
    .restore();
}

const wallet = { width: 85 * mm, height: 54 * mm, pad: 6 };

/**
 * One trainee in the wallet layout, 170 x 108 mm: the slip (front: who and what to type;
 * back: the address, its QR code and the join code) and below it the key card (front and
 * back), each cut out along the marks and folded once to 85 x 54 mm. Slip and card are
 * separate pieces, so the password is not kept with the key card.
 */
function walletBlock(doc: Doc, v: Voice, slip: Slip, klass: ClassRow, address: string, qr: QrMatrix, x: number, y: number): void {
  const w = wallet.width;
  const h = wallet.height;
  const pad = wallet.pad;
  const text = w - 2 * pad;
  // The slip, front.
  doc
    .font('Helvetica-Bold')
    .fontSize(5.5)
    .text(v.t('keycard:trainingOnly'), x + pad, y + pad, { width: text, lineBreak: false });
  doc
    .fontSize(8.5)
    .text(v.t('teacher:print.slipHeading', { name: slip.citizen.name }), x + pad, y + pad + 9, { width: text, height: 22, ellipsis: true });
  let rowY = Math.max(doc.y, y + pad + 21) + 3;
  for (const [label, value] of slipRows(v, slip, klass)) {
    doc
      .font('Helvetica-Bold')
      .fontSize(6.5)
      .text(label, x + pad, rowY, { width: 95, lineBreak: false });
    doc
      .font('Courier-Bold')
      .fontSize(8)
      .text(value, x + pad + 97, rowY - 0.5, { width: text - 97, lineBreak: false });
    rowY += 12;
  }
  doc
    .font('Helvetica')
    .fontSize(5.5)
    .text(v.t('teacher:pdf.keepApart'), x + pad, rowY + 2, { width: text, height: y + h - pad - rowY - 2 });
  // The slip, back.
  const qrSide = 39 * mm;
  drawQr(doc, qr, x + w + pad, y + pad, qrSide);
  const backX = x + w + pad + qrSide + 6;
  const backText = w - qrSide - 2 * pad - 6;
  doc
    .font('Helvetica-Bold')
    .fontSize(6.5)
    .text(v.t('teacher:pdf.address'), backX, y + pad, { width: backText });
  doc.font('Courier-Bold').fontSize(6.5).text(address, { width: backText });
  doc.moveDown(0.4);
  doc.font('Helvetica-Bold').fontSize(6.5).text(v.t('teacher:pdf.joinCode'), { width: backText });
  doc
    .font('Courier-Bold')
    .fontSize(9)
    .text(klass.joinCode ?? klass.code, { width: backText });
  doc.moveDown(0.4);
  doc
    .font('Helvetica')
    .fontSize(5.5)
    .text(v.t('teacher:pdf.joinHow', { address: `${address}/join` }), { width: backText });
  doc
    .font('Helvetica')
    .fontSize(5)
    .text(v.t('teacher:pdf.scan'), x + w + pad, y + pad + qrSide + 1, { width: qrSide, align: 'center', lineBreak: false });
  cutMarks(doc, x, y, 2 * w, h);
  foldLine(doc, x + w, y, h);
  // The key card, front and back.
  const cardY = y + h + 8 * mm;
  cutMarks(doc, x, cardY, 2 * w, h);
  foldLine(doc, x + w, cardY, h);
  doc
    .save()
    .lineWidth(0.8)
    .rect(x, cardY, 2 * w, h)
    .stroke()
    .restore();
  if (slip.letter?.kind === 'activate') {
    walletLetter(doc, v, slip, address, x, cardY);
    return;
  }
  const card = slip.inHand.card;
  doc
    .font('Helvetica-Bold')
    .fontSize(5.5)
    .text(v.t('keycard:trainingOnly'), x + pad, cardY + pad, { width: text, lineBreak: false });
  if (!card) {
    doc
      .font('Helvetica')
      .fontSize(7)
      .text(v.t('keycard:none'), x + pad, cardY + pad + 10, { width: text });
    for (const note of cardNotes(v, slip.inHand)) doc.text(note, { width: text });
    return;
  }
  doc
    .font('Helvetica-Bold')
    .fontSize(7)
    .text(`${v.t('keycard:cardNumber')} ${card.cardNumber}`, x + pad, cardY + pad + 7, { width: text, lineBreak: false });
  doc
    .font('Helvetica')
    .fontSize(5.5)
    .text(`${card.holder} · ${v.t('keycard:nemidNumber')} ${card.nemidNumber}`, x + pad, cardY + pad + 16, {
      width: text,
      lineBreak: false,
    });
  let noteY = cardY + pad + 23;
  for (const note of cardNotes(v, slip.inHand)) {
    doc
      .font('Helvetica')
      .fontSize(5)
      .text(note, x + pad, noteY, { width: text });
    noteY = doc.y;
  }
  const frontTop = noteY + 1;
  doc
    .font('Helvetica-Bold')
    .fontSize(5.5)
    .text(`${v.t('keycard:cardNumber')} ${card.cardNumber}`, x + w + pad, cardY + pad, { width: text, lineBreak: false });
  const backTop = cardY + pad + 9;
  const bottom = cardY + h - pad - 7;
  const columns = 5;
  const frontCount = Math.ceil(card.keys.length / 2);
  const panels = [
    { keys: card.keys.slice(0, frontCount), left: x + pad, top: frontTop },
    { keys: card.keys.slice(frontCount), left: x + w + pad, top: backTop },
  ];
  for (const panel of panels) {
    const rows = Math.ceil(panel.keys.length / columns);
    const rowHeight = (bottom - panel.top) / Math.max(rows, 1);
    const fontSize = Math.max(4, Math.min(6, rowHeight - 1.6));
    const columnWidth = text / columns;
    for (let r = 0; r < rows; r += 1) {
      for (let c = 0; c < columns; c += 1) {
        const entry = panel.keys[c * rows + r];
        if (entry) drawKey(doc, entry, panel.left + c * columnWidth, panel.top + r * rowHeight, fontSize);
      }
    }
  }
  doc
    .font('Helvetica')
    .fontSize(5)
    .text(v.t('keycard:rule'), x + w + pad, cardY + h - pad - 5, { width: text, lineBreak: false });
}

/**
 * The whole class's login slips and key cards as one PDF, each trainee's in the trainee's
 * own language, every page stamped TRAINING. Layout `a4`: one A4 page per trainee.
 * Layout `wallet`: two trainees a page, slip and card 85 x 54 mm when cut out and folded.
 */
export async function classCardsPdf(klass: ClassRow, slips: Slip[], t: Translate, options: PrintOptions): Promise<Buffer> {
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
  let stampT = t;
  doc.on('pageAdded', () => stamp(doc, stampT, klass));
  const qr = qrMatrix(options.address);
  const voiceOf = (citizen: Citizen): Voice => ({ t: translator(citizen.lang), time: (ms) => formatTime(ms, citizen.lang) });
  if (options.layout === 'a4') {
    for (const slip of slips) {
      const voice = voiceOf(slip.citizen);
      stampT = voice.t;
      doc.addPage();
      slipBoxA4(doc, voice, slip, klass, options.address, qr);
      if (slip.letter?.kind === 'activate') letterBoxA4(doc, voice, slip, options.address);
      else {
        if (slip.letter) moveNoteA4(doc, voice, slip, options.address);
        cardBoxA4(doc, voice, slip.inHand);
      }
    }
  } else {
    const left = (page.width - 2 * wallet.width) / 2;
    const blockHeight = 2 * wallet.height + 8 * mm;
    slips.forEach((slip, index) => {
      if (index % 2 === 0) doc.addPage();
      walletBlock(doc, voiceOf(slip.citizen), slip, klass, options.address, qr, left, index % 2 === 0 ? 62 : 62 + blockHeight + 14 * mm);
    });
  }
  if (slips.length === 0) {
    doc.addPage();
    doc
      .font('Helvetica')
      .fontSize(12)
      .text(t(options.emptyText ?? 'teacher:print.none'));
  }
  doc.end();
  return done;
}
