import type { NextFunction, Request, Response } from 'express';
import { NotFound } from '../common/errors.ts';
import { formText, type FieldErrors } from '../login/login-validation.ts';
import { paths } from '../paths.ts';
import { attackPlans } from './attacks.ts';
import type { WorkshopParts } from './wiring.ts';
import { planFrom } from './workshop-validation.ts';
import { attackKinds, steps, type Workshop } from './types.ts';
import type { ClassRow } from '../teacher/types.ts';

const teacherOf = (req: Request): number => req.session.teacherId!;

/** The start form's suggested plan: every attack, spread over a 30-minute workshop. */
const suggestedPlan = (): Record<string, string> =>
  Object.fromEntries(attackKinds.map((kind) => [attackPlans[kind].key, String(attackPlans[kind].suggestedMinutes)]));

/** A whole number from a URL segment, else not found. */
export function idParam(value: unknown): number {
  if (typeof value !== 'string' || !/^\d{1,12}$/.test(value)) throw new NotFound();
  return Number(value);
}

/** Puts the workshop named in the URL (and its class) on `res.locals`, or answers 404 when this teacher may not see it. */
export function workshopFromUrl(parts: WorkshopParts) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const found = parts.workshops.visibleWorkshop(teacherOf(req), idParam(req.params.id));
    if (!found) throw new NotFound();
    res.locals.workshop = found.workshop;
    res.locals.klass = found.klass;
    next();
  };
}

/** The facilitator's console: start a workshop, stage attacks on the class clock, watch it live, end it. */
export function consoleController(parts: WorkshopParts) {
  const { workshops, debrief } = parts;

  const renderHome = (req: Request, res: Response, status: number, locals: { errors: FieldErrors; values: Record<string, string>; classCode: string }) =>
    res.status(status).render('workshop/home', {
      running: workshops.workshopsOf(teacherOf(req)),
      classes: workshops.classes(teacherOf(req)),
      attackKinds,
      attackPlans,
      ...locals,
    });

  const renderWorkshop = (res: Response, status: number, locals: { errors: FieldErrors; values: Record<string, string> }) => {
    const workshop: Workshop = res.locals.workshop;
    const facts = debrief.facts(workshop);
    res.status(status).render('workshop/workshop', {
      attacks: workshops.attacks(workshop),
      participants: debrief.participants(workshop, facts),
      steps,
      now: workshops.now(workshop),
      attackKinds,
      attackPlans,
      ...locals,
    });
  };

  return {
    home(req: Request, res: Response): void {
      renderHome(req, res, 200, { errors: {}, values: suggestedPlan(), classCode: '' });
    },

    start(req: Request, res: Response): void {
      const classCode = formText(req.body, 'klass').trim().slice(0, 20);
      const klass: ClassRow | undefined = workshops.classes(teacherOf(req)).find((candidate) => candidate.code.toLowerCase() === classCode.toLowerCase());
      const { plan, errors, values } = planFrom(req.body);
      if (!klass) errors.klass = ['workshop:start.errors.klass'];
      if (!klass || Object.keys(errors).length > 0) {
        renderHome(req, res, 400, { errors, values, classCode });
        return;
      }
      const id = workshops.start(klass, teacherOf(req), plan);
      res.redirect(303, paths.workshop.workshop(id));
    },

    show(_req: Request, res: Response): void {
      renderWorkshop(res, 200, { errors: {}, values: {} });
    },

    addAttacks(req: Request, res: Response): void {
      const workshop: Workshop = res.locals.workshop;
      const { plan, errors, values } = planFrom(req.body);
      if (workshop.endedAt !== null) errors.form = ['workshop:live.errors.ended'];
      if (Object.keys(errors).length > 0) {
        renderWorkshop(res, 400, { errors, values });
        return;
      }
      workshops.addAttacks(workshop, plan);
      res.redirect(303, paths.workshop.workshop(workshop.id));
    },

    end(_req: Request, res: Response): void {
      const workshop: Workshop = res.locals.workshop;
      workshops.end(workshop);
      res.redirect(303, paths.workshop.debrief(workshop.id));
    },
  };
}
