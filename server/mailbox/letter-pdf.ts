import { formatTime, translator, type Lang } from '../common/i18n.ts';
import { formatBody } from './body-format.ts';
import { textIn, type Attachment, type Letter, type LocalText } from './types.ts';
import { loadPdfKit } from '../common/pdfkit.ts';
import { formatCpr } from '../citizen/types.ts';
import { contractText, type ContractSpec } from './contract-text.ts';

interface Payslip {
  period: LocalText;
  gross: number;
  pension: number;
  tax: number;
  net: number;
}
interface TaxAssessment {
  year: number;
  income: number;
  deductions: number;
  taxPaid: number;
  taxDue: number;
}

export interface SignatureLine {
  signerName: string;
  signedAt: number;
}

/** The trainee the letter is addressed to, as the document names them. */
export interface Recipient {
  name: string;
  cpr: string;
}

const kr = (amount: number, lang: Lang) =>
  new Intl.NumberFormat(lang === 'en' ? 'en-GB' : lang === 'de' ? 'de-DE' : 'da-DK', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(amount) + ' kr.';

/**
 * Draws a letter's attachment as a PDF in the reader's language: a plain document, a
 * payslip (R9), a tax assessment or a contract to sign (R3). Every page says it is a
 * training document with fictional content. The tax assessment is addressed to the
 * recipient as a real one is (name and CPR number, marked fictional); a contract names
 * them among its parties.
 */
export async function renderAttachmentPdf(
  letter: Letter,
  attachment: Attachment,
  lang: Lang,
  recipient: Recipient,
  signature?: SignatureLine,
): Promise<Buffer> {
  const PDFDocument = await loadPdfKit();
  const t = translator(lang);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: {
      Title: `${attachment.filename} – ${t('mailbox:pdf.training')}`,
      Author: letter.senderName,
      CreationDate: new Date(letter.deliveredAt),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.fontSize(9).fillColor('#7a5b00').text(t('mailbox:pdf.training'), { align: 'center' }).moveDown();
  doc.fillColor('#000000').fontSize(11).text(letter.senderName, { continued: false });
  doc.fontSize(9).text(formatTime(letter.deliveredAt, lang)).moveDown();
  const spec = attachment.spec ?? {};
  const row = (label: string, value: string) => doc.fontSize(11).text(`${label}: ${value}`);

  if (attachment.generator === 'payslip' && spec.payslip) {
    const p = spec.payslip as Payslip;
    doc
      .fontSize(16)
      .text(t('mailbox:pdf.payslip.title', { period: textIn(p.period, lang) }))
      .moveDown(0.5);
    row(t('mailbox:pdf.payslip.gross'), kr(p.gross, lang));
    row(t('mailbox:pdf.payslip.pension'), kr(p.pension, lang));
    row(t('mailbox:pdf.payslip.tax'), kr(p.tax, lang));
    row(t('mailbox:pdf.payslip.net'), kr(p.net, lang));
  } else if (attachment.generator === 'tax-assessment' && spec.taxAssessment) {
    const a = spec.taxAssessment as TaxAssessment;
    doc.fontSize(11).text(recipient.name);
    doc.text(`${t('mailbox:pdf.recipient.cpr')}: ${formatCpr(recipient.cpr)} (${t('common:fictional')})`).moveDown();
    doc
      .fontSize(16)
      .text(t('mailbox:pdf.tax.title', { year: a.year }))
      .moveDown(0.5);
    row(t('mailbox:pdf.tax.income'), kr(a.income, lang));
    row(t('mailbox:pdf.tax.deductions'), kr(a.deductions, lang));
    row(t('mailbox:pdf.tax.taxDue'), kr(a.taxDue, lang));
    row(t('mailbox:pdf.tax.taxPaid'), kr(a.taxPaid, lang));
    const difference = a.taxPaid - a.taxDue;
    doc.moveDown(0.5);
    row(difference >= 0 ? t('mailbox:pdf.tax.refund') : t('mailbox:pdf.tax.toPay'), kr(Math.abs(difference), lang));
  } else if (attachment.generator === 'contract' && spec.contract) {
    const c = contractText(spec.contract as ContractSpec, letter, recipient.name, lang);
    doc.fontSize(16).text(c.title).moveDown(0.5);
    doc
      .fontSize(11)
      .text(`${t('mailbox:pdf.contract.parties')}: ${c.parties.join(', ')}`)
      .moveDown(0.5);
    c.terms.forEach((term, index) => doc.text(`${index + 1}. ${term}`).moveDown(0.3));
    doc.moveDown();
    doc.text(
      signature
        ? t('mailbox:pdf.contract.signed', { name: signature.signerName, time: formatTime(signature.signedAt, lang) })
        : t('mailbox:pdf.contract.unsigned'),
    );
  } else {
    doc.fontSize(16).text(textIn(letter.subject, lang)).moveDown(0.5);
    for (const block of formatBody(textIn(letter.body, lang))) {
      const lines = block.type === 'list' ? block.items.map((item) => `• ${item}`) : block.lines;
      doc.fontSize(11).text(lines.join('\n')).moveDown(0.5);
    }
  }
  doc.end();
  return done;
}
