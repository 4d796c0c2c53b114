import type { NextFunction, Request, Response } from 'express';
import { NotFound } from '../common/errors.ts';
import { fieldErrors, formText, type FieldErrors } from '../web/form.ts';
import { paths } from '../paths.ts';
import { idParam } from '../web/ids.ts';
import type { ClassService } from '../teacher/class-service.ts';
import { notice, takeNotice } from '../web/teacher-notice.ts';
import { workshopClockSteps } from '../common/clock.ts';
import { attackPlans, suggestedMinutes } from './attacks.ts';
import type { WorkshopParts } from '../context.ts';
import { planFrom, workshopClockSchema } from './workshop-validation.ts';
import { attackKinds, steps, type Attack, type Workshop } from './types.ts';
import type { ClassRow } from '../classes/types.ts';

const teacherOf = (req: Request): number => req.session.teacherId!;

/** The start form's suggested plan: every attack, spread out on the class clock (attacks.ts). */
const suggestedPlan = (): Record<string, string> =>
  Object.fromEntries(attackKinds.map((kind) => [attackPlans[kind].key, String(suggestedMinutes(kind) ?? '')]));

/** Moves a class clock as the class page does (the same service call and event). */
export type ClassClockControl = Pick<ClassService, 'advanceClock'>;

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

/**
 * The facilitator's console: start a workshop, stage attacks on the class clock, watch it
 * live, pace it (move the class clock, launch a waiting attack now), end it.
 */
export function consoleController(parts: WorkshopParts, classes: ClassClockControl) {
  const { workshops, debrief, pacing } = parts;

  const renderHome = (
    req: Request,
    res: Response,
    status: number,
    locals: { errors: FieldErrors; values: Record<string, string>; classCode: string },
  ) =>
    res.status(status).render('workshop/home', {
      running: workshops.workshopsOf(teacherOf(req)),
      classes: workshops.classes(teacherOf(req)),
      attackKinds,
      attackPlans,
      ...locals,
    });

  const renderWorkshop = (req: Request, res: Response, status: number, locals: { errors: FieldErrors; values: Record<string, string> }) => {
    const workshop: Workshop = res.locals.workshop;
    const facts = debrief.facts(workshop);
    res.status(status).render('workshop/workshop', {
      attacks: workshops.attacks(workshop),
      participants: debrief.participants(workshop, facts),
      steps,
      now: workshops.now(workshop),
      attackKinds,
      attackPlans,
      clockSteps: workshopClockSteps,
      notice: takeNotice(req),
      ...locals,
    });
  };

  /** An attack's name in the facilitator's language. */
  const nameOf = (res: Response, attack: Attack): string => res.locals.t(`workshop:attacks.${attackPlans[attack.kind].key}.name`);

  return {
    home(req: Request, res: Response): void {
      // "Start a workshop" on the teacher console's class page comes with its class chosen.
      const asked = typeof req.query.klass === 'string' ? req.query.klass : '';
      const klass = workshops.classes(teacherOf(req)).find((candidate) => candidate.code === asked);
      renderHome(req, res, 200, { errors: {}, values: suggestedPlan(), classCode: klass?.code ?? '' });
    },

    start(req: Request, res: Response): void {
      const classCode = formText(req.body, 'klass').trim().slice(0, 20);
      const klass: ClassRow | undefined = workshops
        .classes(teacherOf(req))
        .find((candidate) => candidate.code.toLowerCase() === classCode.toLowerCase());
      const { plan, errors, values } = planFrom(req.body);
      if (!klass) errors.klass = ['workshop:start.errors.klass'];
      if (!klass || Object.keys(errors).length > 0) {
        renderHome(req, res, 400, { errors, values, classCode });
        return;
      }
      const id = workshops.start(klass, teacherOf(req), plan);
      res.redirect(303, paths.workshop.workshop(id));
    },

    show(req: Request, res: Response): void {
      renderWorkshop(req, res, 200, { errors: {}, values: {} });
    },

    addAttacks(req: Request, res: Response): void {
      const workshop: Workshop = res.locals.workshop;
      const { plan, errors, values } = planFrom(req.body);
      if (workshop.endedAt !== null) errors.form = ['workshop:live.errors.ended'];
      if (Object.keys(errors).length > 0) {
        renderWorkshop(req, res, 400, { errors, values });
        return;
      }
      workshops.addAttacks(workshop, plan);
      res.redirect(303, paths.workshop.workshop(workshop.id));
    },

    /** +5 min, +15 min or +1 h on the class clock, then says which staged attacks that brought. */
    advanceClock(req: Request, res: Response): void {
      const workshop: Workshop = res.locals.workshop;
      const parsed = workshopClockSchema.safeParse(req.body);
      if (!parsed.success) {
        renderWorkshop(req, res, 400, { errors: fieldErrors(parsed.error), values: {} });
        return;
      }
      const before = workshops.now(workshop);
      const now = classes.advanceClock(res.locals.klass, parsed.data.step, teacherOf(req));
      const moved = { step: res.locals.t(`workshop:pacing.steps.${parsed.data.step}`), time: res.locals.time(now) };
      const arrived = pacing.arrivedBetween(workshop, before, now).map((attack) => nameOf(res, attack));
      const next = pacing.nextWaiting(workshop);
      if (arrived.length > 0)
        notice(req, 'workshop:pacing.movedArrived', {
          ...moved,
          attacks: new Intl.ListFormat(res.locals.lang, { type: 'conjunction' }).format(arrived),
        });
      else if (next)
        notice(req, 'workshop:pacing.movedNext', { ...moved, attack: nameOf(res, next), next: res.locals.time(next.startsAt) });
      else notice(req, 'workshop:pacing.movedNothing', moved);
      res.redirect(303, paths.workshop.workshop(workshop.id));
    },

    /** "Launch this attack now": the waiting attack reaches the participants at once. */
    launch(req: Request, res: Response): void {
      const workshop: Workshop = res.locals.workshop;
      const result = pacing.launchNow(workshop, idParam(req.params.attackId), teacherOf(req));
      if (!result) throw new NotFound();
      const params = { attack: nameOf(res, result.attack), time: res.locals.time(result.attack.startsAt) };
      notice(req, result.launched ? 'workshop:pacing.launched' : 'workshop:pacing.alreadyArrived', params);
      res.redirect(303, paths.workshop.workshop(workshop.id));
    },

    end(_req: Request, res: Response): void {
      const workshop: Workshop = res.locals.workshop;
      workshops.end(workshop);
      res.redirect(303, paths.workshop.debrief(workshop.id));
    },
  };
}
