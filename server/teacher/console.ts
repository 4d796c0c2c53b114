import type { NextFunction, Request, Response } from 'express';
import { NotFound } from '../common/errors.ts';
import type { Context } from '../context.ts';
import { ClassService } from './class-service.ts';
import { DeskService } from './desk-service.ts';
import { ScenarioShelf } from './scenario-shelf.ts';
import { StoryService } from './story-service.ts';
import { TeacherService } from './teacher-service.ts';

/** The services of the teacher console, wired over the sandbox's context. */
export function teacherConsole(ctx: Context) {
  const teachers = new TeacherService(ctx.teachers, ctx.classes, ctx.events, ctx.realNow);
  const { progress, archives } = ctx;
  // What fell due on the class clock happens for each trainee (overdue letters get their reminder, R10).
  const classes = new ClassService({ ...ctx, teachers, settle: (citizenId) => ctx.mailbox.refresh(citizenId) });
  const shelf = new ScenarioShelf(ctx.library, ctx.events, ctx.realNow);
  const story = new StoryService(ctx.db, ctx.mailbox, ctx.blocking);
  const desk = new DeskService(ctx.exemption, ctx.enrolment);
  return { ctx, teachers, classes, progress, archives, shelf, story, desk };
}

export type TeacherConsole = ReturnType<typeof teacherConsole>;

/** Puts the class named in the URL on `res.locals.klass`, or answers 404 when this teacher may not see it. */
export function classFromUrl(services: TeacherConsole) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const klass = services.teachers.visibleClass(req.session.teacherId!, String(req.params.code));
    if (!klass) throw new NotFound();
    res.locals.klass = klass;
    next();
  };
}

/** Puts the trainee named in the URL (and their class) on `res.locals`, or answers 404. */
export function traineeFromUrl(services: TeacherConsole) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const found = services.classes.visibleTrainee(req.session.teacherId!, Number(req.params.id));
    if (!found) throw new NotFound();
    res.locals.trainee = found.citizen;
    res.locals.klass = found.klass;
    next();
  };
}

/** Puts the archive named in the URL on `res.locals.archive`: one of the class's on `res.locals.klass` (classFromUrl first), or 404. */
export function archiveFromUrl(services: TeacherConsole) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const archive = services.archives.find(res.locals.klass, Number(req.params.archive));
    if (!archive) throw new NotFound();
    res.locals.archive = archive;
    next();
  };
}
