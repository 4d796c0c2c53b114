import type { Request, Response } from 'express';
import { NotFound } from '../common/errors.ts';
import { scenarioNamePattern } from '../scenario/scenario-library.ts';
import { fieldErrors, formText } from '../web/form.ts';
import { paths } from '../paths.ts';
import { describeProblem } from '../scenario/scenario-problems.ts';
import type { TeacherConsole } from './console.ts';
import { notice, takeNotice } from '../web/teacher-notice.ts';
import { inLanguage } from './scenario-shelf.ts';
import { nameFromFileName, scenarioTextFrom } from './scenario-upload.ts';
import { scenarioUploadSchema } from './teacher-validation.ts';

/** The scenario library: list, upload, edit and download scenario files. */
export function scenarioController({ shelf }: TeacherConsole) {
  const nameFromUrl = (req: Request): string => {
    const name = String(req.params.name);
    if (!scenarioNamePattern.test(name) || !shelf.source(name)) throw new NotFound();
    return name;
  };

  const renderForm = (
    res: Response,
    status: number,
    locals: { editing: string | null; name: string; text: string } & Record<string, unknown>,
  ) => res.status(status).render('teacher/scenario-form', { errors: {}, problems: [], describeProblem, ...locals });

  const save = (req: Request, res: Response, editing: string | null): void => {
    const { text, fileName } = scenarioTextFrom(req);
    const typedName = formText(req.body, 'name').trim().slice(0, 100);
    const name = editing ?? (typedName || (fileName ? nameFromFileName(fileName) : ''));
    if (typeof res.locals.scenarioUploadProblem === 'string') {
      renderForm(res, 400, { editing, name, text: '', errors: { text: [res.locals.scenarioUploadProblem] } });
      return;
    }
    const parsed = scenarioUploadSchema.safeParse({ name, text });
    if (!parsed.success) {
      renderForm(res, 400, { editing, name, text: text.slice(0, 200_000), errors: fieldErrors(parsed.error) });
      return;
    }
    const outcome = shelf.save(parsed.data.name, parsed.data.text, { replace: editing !== null, teacherId: req.session.teacherId! });
    if (!outcome.ok) {
      renderForm(res, 400, { editing, name, text, errors: outcome.errors, problems: outcome.problems });
      return;
    }
    notice(req, editing ? 'teacher:scenarios.saved' : 'teacher:scenarios.uploaded', { name: parsed.data.name });
    res.redirect(303, paths.teacher.scenarios);
  };

  return {
    list(req: Request, res: Response): void {
      res.render('teacher/scenarios', {
        entries: shelf.entries(),
        text: (value: Parameters<typeof inLanguage>[0]) => inLanguage(value, res.locals.lang),
        notice: takeNotice(req),
        describeProblem,
      });
    },

    showUpload(_req: Request, res: Response): void {
      renderForm(res, 200, { editing: null, name: '', text: '' });
    },

    upload(req: Request, res: Response): void {
      save(req, res, null);
    },

    showEdit(req: Request, res: Response): void {
      const name = nameFromUrl(req);
      renderForm(res, 200, { editing: name, name, text: shelf.source(name)!.text });
    },

    edit(req: Request, res: Response): void {
      save(req, res, nameFromUrl(req));
    },

    download(req: Request, res: Response): void {
      const name = nameFromUrl(req);
      res
        .type('application/yaml; charset=utf-8')
        .set('Content-Disposition', `attachment; filename="${name}.yaml"`)
        .send(shelf.source(name)!.text);
    },
  };
}
