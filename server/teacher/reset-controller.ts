import type { Request, Response } from 'express';
import type { Citizen } from '../citizen/types.ts';
import { toCsv } from '../common/csv.ts';
import type { Translate } from '../common/i18n.ts';
import { formText } from '../web/form.ts';
import { paths } from '../paths.ts';
import { attackPlans } from '../workshop/attacks.ts';
import { debriefTable } from '../workshop/debrief-records.ts';
import { steps } from '../workshop/types.ts';
import type { TeacherConsole } from './console.ts';
import { notice } from '../web/teacher-notice.ts';
import { sendClassCsv } from './progress-controller.ts';
import { progressTable } from './progress-records.ts';
import { inLanguage } from './scenario-shelf.ts';
import type { ClassRow } from '../classes/types.ts';
import type { ResetArchive } from './types.ts';

const teacherOf = (req: Request) => req.session.teacherId!;
const ms = (result: { ms: number }) => Math.max(1, Math.round(result.ms));

/**
 * Resetting a class or one trainee: first a page that says what will be lost and what is
 * kept, then the reset itself, only with that page's confirm field (a POST without it, e.g.
 * an old one-click form, shows the same page and resets nothing). Before each reset the
 * class's progress and debriefs are archived (in the service); the archives' page and CSVs.
 */
export function resetController(services: TeacherConsole) {
  const { classes, archives, shelf, ctx } = services;

  const scenarioTitle = (klass: ClassRow, res: Response) => {
    const entry = shelf.usable().find((candidate) => candidate.name === klass.scenario);
    return entry?.valid ? inLanguage(entry.scenario.title, res.locals.lang) : klass.scenario;
  };

  const renderConfirm = (res: Response, status: number, errors: Record<string, string[]> = {}) => {
    const klass: ClassRow = res.locals.klass;
    const trainee: Citizen | undefined = res.locals.trainee;
    res.status(status).render('teacher/reset', {
      klass,
      trainee: trainee ?? null,
      scenario: scenarioTitle(klass, res),
      trainees: ctx.citizens.listInClass(klass.id).length,
      workshops: archives.workshopsOf(klass).length,
      action: trainee ? paths.teacher.traineeReset(trainee.id) : paths.teacher.classReset(klass.code),
      back: trainee ? paths.teacher.trainee(trainee.id) : paths.teacher.klass(klass.code),
      errors,
    });
  };

  /** Only the confirmation page's own button resets; anything else shows that page and changes nothing. */
  const confirmed = (req: Request, res: Response): boolean => {
    if (formText(req.body, 'confirm') === 'yes') return true;
    renderConfirm(res, 400, { form: ['teacher:reset.notConfirmed'] });
    return false;
  };

  const archiveCsvName = (archive: ResetArchive, what: string) => `archive-${archive.id}-${what}`;

  return {
    confirm(_req: Request, res: Response): void {
      renderConfirm(res, 200);
    },

    resetClass(req: Request, res: Response): void {
      if (!confirmed(req, res)) return;
      const result = classes.resetClass(res.locals.klass, teacherOf(req));
      notice(req, 'teacher:class.resetDone', { count: result.trainees, ms: ms(result) });
      res.redirect(303, paths.teacher.klass(res.locals.klass.code));
    },

    resetTrainee(req: Request, res: Response): void {
      if (!confirmed(req, res)) return;
      const result = classes.resetTrainee(res.locals.klass, res.locals.trainee, teacherOf(req));
      notice(req, 'teacher:trainee.resetDone', { name: res.locals.trainee.name, ms: ms(result) });
      res.redirect(303, paths.teacher.trainee(res.locals.trainee.id));
    },

    showArchive(_req: Request, res: Response): void {
      res.render('teacher/archive', { klass: res.locals.klass, archive: res.locals.archive, attackPlans, steps });
    },

    /** The progress table as it was, with the same columns as the class's progress CSV. */
    progressCsv(_req: Request, res: Response): void {
      const archive: ResetArchive = res.locals.archive;
      const { header, rows } = progressTable(res.locals.t, archive.snapshot.progress.trainees);
      sendClassCsv(res, res.locals.klass, archiveCsvName(archive, 'progress'), toCsv(header, rows));
    },

    /** Every debrief row of every workshop of the class, as it was, with the workshop's number first. */
    debriefCsv(_req: Request, res: Response): void {
      const archive: ResetArchive = res.locals.archive;
      const t: Translate = res.locals.t;
      const header = [t('teacher:csv.workshop'), ...debriefTable(t, []).header];
      const rows = archive.snapshot.workshops.flatMap((workshop) =>
        debriefTable(t, workshop.rows).rows.map((row) => [workshop.id, ...row]),
      );
      sendClassCsv(res, res.locals.klass, archiveCsvName(archive, 'debrief'), toCsv(header, rows));
    },
  };
}
