import type { Request, Response } from 'express';
import type { Lang } from '../common/i18n.ts';
import { fieldErrors, formText } from '../web/form.ts';
import { paths } from '../paths.ts';
import type { TeacherConsole } from './console.ts';
import { notice, takeNotice } from '../web/teacher-notice.ts';
import { lobbyOrder, lobbySortFrom } from './progress-service.ts';
import { inLanguage } from './scenario-shelf.ts';
import { clockSteps } from '../common/clock.ts';
import { clockSchema, instructionsSchema, maxTraineesPerClass, newClassSchema } from './teacher-validation.ts';
import type { ClassRow } from '../classes/types.ts';

const teacherOf = (req: Request) => req.session.teacherId!;

/** The console's home (the teacher's classes), creating a class, and one class's page. */
export function classController(services: TeacherConsole) {
  const { teachers, classes, progress, archives, shelf, ctx } = services;

  const scenarioChoices = (lang: Lang) =>
    shelf.usable().map((entry) => ({
      value: entry.name,
      label: entry.valid ? `${inLanguage(entry.scenario.title, lang)} (${entry.name})` : entry.name,
    }));

  const renderNewClass = (res: Response, status: number, locals: Record<string, unknown>) =>
    res.status(status).render('teacher/new-class', {
      errors: {},
      values: { code: '', name: '', scenario: '', trainees: '30', instructions: '' },
      scenarios: scenarioChoices(res.locals.lang),
      maxTrainees: maxTraineesPerClass,
      ...locals,
    });

  const renderClass = (req: Request, res: Response, status: number, locals: Record<string, unknown>) => {
    const klass: ClassRow = res.locals.klass;
    const ofClass = progress.ofClass(klass);
    const sort = lobbySortFrom(req.query.sort);
    res.status(status).render('teacher/class', {
      klass,
      joinCode: klass.joinCode ?? '–',
      progress: ofClass,
      archives: archives.list(klass),
      lobby: {
        sort,
        rows: lobbyOrder(ofClass.trainees, sort),
        joined: ofClass.trainees.filter((row) => row.joinedAt !== null).length,
        loggedIn: ofClass.totals.loggedIn,
      },
      clockSteps,
      notice: takeNotice(req),
      errors: {},
      instructions: klass.instructions,
      owner: klass.teacherId === null ? null : teachers.findById(klass.teacherId)?.username,
      ...locals,
    });
  };

  return {
    home(req: Request, res: Response): void {
      const list = teachers.visibleClasses(teacherOf(req)).map((klass) => ({
        klass,
        joinCode: klass.joinCode ?? '–',
        trainees: ctx.citizens.listInClass(klass.id).length,
        shared: klass.teacherId === null,
      }));
      res.render('teacher/home', { classes: list, notice: takeNotice(req) });
    },

    showNewClass(_req: Request, res: Response): void {
      renderNewClass(res, 200, {});
    },

    async createClass(req: Request, res: Response): Promise<void> {
      const values = Object.fromEntries(
        ['code', 'name', 'scenario', 'trainees', 'instructions'].map((field) => [field, formText(req.body, field).slice(0, 2000)]),
      );
      const parsed = newClassSchema.safeParse(req.body);
      if (!parsed.success) {
        renderNewClass(res, 400, { errors: fieldErrors(parsed.error), values });
        return;
      }
      const result = await classes.create(teacherOf(req), parsed.data);
      if (!result.ok) {
        renderNewClass(res, 400, { errors: result.errors, values });
        return;
      }
      notice(req, 'teacher:newClass.created', { code: result.klass.code, count: parsed.data.trainees });
      res.redirect(303, paths.teacher.klass(result.klass.code));
    },

    showClass(req: Request, res: Response): void {
      renderClass(req, res, 200, {});
    },

    saveInstructions(req: Request, res: Response): void {
      const parsed = instructionsSchema.safeParse(req.body);
      if (!parsed.success) {
        renderClass(req, res, 400, { errors: fieldErrors(parsed.error), instructions: formText(req.body, 'instructions').slice(0, 4000) });
        return;
      }
      classes.setInstructions(res.locals.klass, teacherOf(req), parsed.data.instructions);
      notice(req, 'teacher:class.instructionsSaved');
      res.redirect(303, paths.teacher.klass(res.locals.klass.code));
    },

    advanceClock(req: Request, res: Response): void {
      const parsed = clockSchema.safeParse(req.body);
      if (!parsed.success) {
        renderClass(req, res, 400, { errors: fieldErrors(parsed.error) });
        return;
      }
      const now = classes.advanceClock(res.locals.klass, parsed.data.step, teacherOf(req));
      notice(req, 'teacher:clock.moved', { step: res.locals.t(`teacher:clock.steps.${parsed.data.step}`), time: res.locals.time(now) });
      res.redirect(303, `${paths.teacher.klass(res.locals.klass.code)}#clock`);
    },
  };
}
