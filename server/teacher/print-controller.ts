import type { Request, Response } from 'express';
import type { Citizen } from '../citizen/types.ts';
import { printableCards } from '../keycard/keycard-print.ts';
import { paths } from '../paths.ts';
import { classCardsPdf, type Slip } from './class-pdf.ts';
import type { TeacherConsole } from './console.ts';
import type { ClassRow } from './types.ts';

/** Printing a class: login slips and key cards as a print page (one A4 per trainee) or one PDF. */
export function printController({ ctx }: TeacherConsole) {
  const slipsOf = (klass: ClassRow): Slip[] =>
    ctx.citizens.listInClass(klass.id).map((citizen: Citizen) => ({
      citizen,
      blueprint: ctx.citizens.blueprintOf(citizen.id),
      cards: printableCards(ctx.keycards, citizen),
    }));

  return {
    showClassCards(_req: Request, res: Response): void {
      const klass: ClassRow = res.locals.klass;
      res.render('teacher/print', { klass, slips: slipsOf(klass) });
    },

    async classPdf(_req: Request, res: Response): Promise<void> {
      const klass: ClassRow = res.locals.klass;
      const pdf = await classCardsPdf(klass, slipsOf(klass), res.locals.t, res.locals.time);
      res
        .type('application/pdf')
        .set('Content-Disposition', `attachment; filename="training-${klass.code.toLowerCase()}-cards.pdf"`)
        .set('Cache-Control', 'no-store')
        .send(pdf);
    },

    showTraineeCard(_req: Request, res: Response): void {
      const trainee: Citizen = res.locals.trainee;
      res.render('keycard/cards', { cards: printableCards(ctx.keycards, trainee), backHref: paths.teacher.trainee(trainee.id) });
    },
  };
}
