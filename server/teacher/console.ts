import type { NextFunction, Request, Response } from 'express';
import { NotFound } from '../common/errors.ts';
import type { Context } from '../context.ts';

/**
 * What the teacher console's controllers are given: its services, built once in the
 * composition root (`ctx.teacherConsole`), and the few parts of the context they read.
 */
export type TeacherConsole = Context['teacherConsole'] & { ctx: Pick<Context, 'citizens' | 'clock' | 'keycards' | 'login'> };

/** Puts the class named in the URL on `res.locals.klass`, or answers 404 when this teacher may not see it. */
export function classFromUrl(services: Pick<TeacherConsole, 'teachers'>) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const klass = services.teachers.visibleClass(req.session.teacherId!, String(req.params.code));
    if (!klass) throw new NotFound();
    res.locals.klass = klass;
    next();
  };
}

/** Puts the trainee named in the URL (and their class) on `res.locals`, or answers 404. */
export function traineeFromUrl(services: Pick<TeacherConsole, 'classes'>) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const found = services.classes.visibleTrainee(req.session.teacherId!, Number(req.params.id));
    if (!found) throw new NotFound();
    res.locals.trainee = found.citizen;
    res.locals.klass = found.klass;
    next();
  };
}

/** Puts the archive named in the URL on `res.locals.archive`: one of the class's on `res.locals.klass` (classFromUrl first), or 404. */
export function archiveFromUrl(services: Pick<TeacherConsole, 'archives'>) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const archive = services.archives.find(res.locals.klass, Number(req.params.archive));
    if (!archive) throw new NotFound();
    res.locals.archive = archive;
    next();
  };
}
