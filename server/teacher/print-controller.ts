import type { Request, Response } from 'express';
import type { Citizen } from '../citizen/types.ts';
import { formatTime, translator } from '../common/i18n.ts';
import { qrSvg } from '../common/qr.ts';
import { cardInHand } from '../keycard/keycard-print.ts';
import { paths } from '../paths.ts';
import { classCardsPdf, printLayouts, type PrintLayout } from './class-pdf.ts';
import type { TeacherConsole } from './console.ts';
import { notPrintedYet } from './print-service.ts';
import type { ClassRow } from '../classes/types.ts';

const layoutOf = (value: unknown): PrintLayout => ((printLayouts as readonly unknown[]).includes(value) ? (value as PrintLayout) : 'a4');

/**
 * Printing a class: login slips and key cards as a print page (one A4 per trainee) or one
 * PDF (A4 or wallet-sized), each trainee's in their own language, with the sandbox's
 * address (`PUBLIC_BASE_URL`) and its QR code. Only the POST of the PDF counts as printed.
 */
export function printController({ ctx, printing }: TeacherConsole, publicBaseUrl: string) {
  const sendPdf = (res: Response, klass: ClassRow, layout: PrintLayout, pdf: Buffer) => {
    res
      .type('application/pdf')
      .set(
        'Content-Disposition',
        `attachment; filename="training-${klass.code.toLowerCase()}-${layout === 'wallet' ? 'wallet-' : ''}cards.pdf"`,
      )
      .set('Cache-Control', 'no-store')
      .send(pdf);
  };

  return {
    showClassCards(_req: Request, res: Response): void {
      const klass: ClassRow = res.locals.klass;
      const slips = printing.slips(klass).map((slip) => ({
        ...slip,
        t: translator(slip.citizen.lang),
        time: (ms: number) => formatTime(ms, slip.citizen.lang),
      }));
      res.render('teacher/print', {
        klass,
        slips,
        address: publicBaseUrl,
        qr: qrSvg(publicBaseUrl, res.locals.t('teacher:print.qrLabel', { address: publicBaseUrl })),
        newCards: slips.filter(notPrintedYet).length,
      });
    },

    /** A look at the PDF (every trainee, A4 unless `?layout=wallet`); not noted as printed. */
    async classPdf(req: Request, res: Response): Promise<void> {
      const klass: ClassRow = res.locals.klass;
      const layout = layoutOf(req.query.layout);
      sendPdf(res, klass, layout, await classCardsPdf(klass, printing.slips(klass), res.locals.t, { layout, address: publicBaseUrl }));
    },

    /** The printout from the print page: the layout chosen, every card or only those not printed before; noted as printed. */
    async printClassPdf(req: Request, res: Response): Promise<void> {
      const klass: ClassRow = res.locals.klass;
      const layout = layoutOf(req.body?.layout);
      const onlyNew = req.body?.only === 'new';
      const slips = printing.slips(klass, { onlyNew });
      const pdf = await classCardsPdf(klass, slips, res.locals.t, {
        layout,
        address: publicBaseUrl,
        emptyText: onlyNew ? 'teacher:print.noneNew' : undefined,
      });
      printing.recordPrinted(klass, slips, { teacherId: req.session.teacherId!, layout, onlyNew });
      sendPdf(res, klass, layout, pdf);
    },

    /** One trainee's key card; in a MitID class the activation letter in its place, or the card with the note how to move to MitID. */
    showTraineeCard(_req: Request, res: Response): void {
      const trainee: Citizen = res.locals.trainee;
      const inHand = cardInHand(ctx.keycards, trainee, ctx.clock.now(trainee.classId));
      const letter = printing.slipOf(res.locals.klass, trainee)?.letter;
      if (letter) {
        res.render('teacher/trainee-letter', {
          ...inHand,
          letter,
          trainee,
          address: publicBaseUrl,
          own: translator(trainee.lang),
          ownTime: (ms: number) => formatTime(ms, trainee.lang),
          backHref: paths.teacher.trainee(trainee.id),
        });
        return;
      }
      res.render('keycard/cards', { ...inHand, backHref: paths.teacher.trainee(trainee.id) });
    },
  };
}
