import { formatCpr, type Citizen } from '../citizen/types.ts';
import { formatTime, translator, type Lang } from '../common/i18n.ts';
import type { ExemptionDecision } from './types.ts';
import { loadPdfKit } from '../common/pdfkit.ts';

const margin = 56;

/** The lines a decision says, in the reader's language; the decision page shows the same text. */
export function decisionLines(decision: ExemptionDecision, lang: Lang): { heading: string; lines: string[] } {
  const t = translator(lang);
  if (decision.decision === 'granted') {
    return {
      heading: t('exemption:decision.granted'),
      lines: [
        t('exemption:decision.grantedReason', { reason: t(`exemption:reasons.${decision.reason}`) }),
        ...(t('exemption:decision.grantedNext', { returnObjects: true }) as string[]),
      ],
    };
  }
  return {
    heading: t('exemption:decision.rejected'),
    lines: [...decision.rejections.map((rejection) => t(`exemption:rejections.${rejection}`)), t('exemption:decision.rejectedNext')],
  };
}

/**
 * The written confirmation of a decision (R18), drawn on request as a PDF. Every page
 * says, at the top and at the bottom, that it is a training document.
 */
export async function renderAttestation(decision: ExemptionDecision, citizen: Citizen, lang: Lang): Promise<Buffer> {
  const PDFDocument = await loadPdfKit();
  const t = translator(lang);
  const doc = new PDFDocument({
    size: 'A4',
    margin,
    info: {
      Title: `${t('exemption:attestation.title')} – ${t('exemption:attestation.training')}`,
      Author: t('exemption:attestation.municipality'),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 2 * margin;
  doc.save().rect(margin, 24, width, 22).fill('#fff1a8').restore();
  doc
    .font('Helvetica-Bold')
    .fontSize(11)
    .fillColor('#000')
    .text(t('exemption:attestation.training'), margin + 6, 30, { width: width - 12 });
  doc.y = margin + 10;
  doc.font('Helvetica').fontSize(10).text(t('exemption:attestation.municipality'));
  doc.moveDown(1.5);
  doc.font('Helvetica-Bold').fontSize(16).text(t('exemption:attestation.title'));
  doc.moveDown(0.8);
  const row = (label: string, value: string) =>
    doc.font('Helvetica-Bold').fontSize(11).text(`${label}: `, { continued: true }).font('Helvetica').text(value);
  row(t('exemption:attestation.name'), citizen.name);
  row(t('exemption:attestation.cpr'), `${formatCpr(citizen.cpr)} (${t('common:fictional')})`);
  row(t('exemption:attestation.decidedAt'), formatTime(decision.decidedAt, lang));
  row(
    t('exemption:attestation.reason'),
    decision.reason === 'other'
      ? `${t('exemption:reasons.other')}: ${decision.otherReason ?? ''}`
      : t(`exemption:reasons.${decision.reason}`),
  );
  row(t('exemption:attestation.idDocument'), t(`exemption:ids.${decision.idDocument}`));
  doc.moveDown(1);
  const { heading, lines } = decisionLines(decision, lang);
  doc.font('Helvetica-Bold').fontSize(13).text(heading);
  doc.moveDown(0.4);
  for (const line of lines) doc.font('Helvetica').fontSize(11).text(line).moveDown(0.3);
  doc.moveDown(1.5);
  doc.fontSize(10).text(t('exemption:attestation.caseWorker'));
  doc
    .fontSize(8)
    .fillColor('#4a4a4a')
    .text(t('exemption:attestation.footer'), margin, doc.page.height - margin - 10, { width, align: 'center' });
  doc.end();
  return done;
}
