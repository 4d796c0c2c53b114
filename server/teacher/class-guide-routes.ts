import { Router, type Request, type Response } from 'express';
import { requireTeacher } from '../common/auth.ts';
import type { Context } from '../context.ts';
import { paths, routes } from '../paths.ts';
import { classFromUrl } from './console.ts';
import { notice } from '../web/teacher-notice.ts';
import type { ClassRow } from '../classes/types.ts';

/**
 * The teacher's switch of the guide for every trainee of a class (the form is on the
 * class page, views/partials/guide-class-switch.ejs). Only a teacher who may see the
 * class may switch it (else 404, as the rest of the console).
 */
export function classGuideRoutes(ctx: Pick<Context, 'teacherConsole' | 'exercises'>): Router {
  const router = Router();
  router.post(routes.classGuide, requireTeacher, classFromUrl(ctx.teacherConsole), (req: Request, res: Response) => {
    const klass = res.locals.klass as ClassRow;
    const choice = (req.body as Record<string, unknown> | undefined)?.guided;
    if (choice === 'on' || choice === 'off') {
      ctx.exercises.setClassGuided(klass.id, choice === 'on', 'teacher');
      notice(req, choice === 'on' ? 'exercises:classGuide.switchedOn' : 'exercises:classGuide.switchedOff');
    } else {
      notice(req, 'exercises:classGuide.invalid');
    }
    res.redirect(303, paths.teacher.klass(klass.code));
  });
  return router;
}
