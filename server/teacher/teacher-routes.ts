import { Router, type RequestHandler } from 'express';
import { effectiveState } from '../citizen/types.ts';
import { requireTeacher } from '../common/auth.ts';
import { NotFound } from '../common/errors.ts';
import { sessionCookieName } from '../common/security.ts';
import type { Context } from '../context.ts';
import { printableCards } from '../keycard/keycard-print.ts';
import { formText } from '../login/login-validation.ts';
import { paths } from '../paths.ts';
import type { TeacherService } from './teacher-service.ts';

/** The teacher console: sign in, see the classes and their trainees, print slips and key cards. */
export function teacherRoutes(ctx: Pick<Context, 'citizens' | 'keycards' | 'clock'>, teachers: TeacherService, limit: RequestHandler): Router {
  const router = Router();

  router.get(paths.teacher.login, (_req, res) => {
    res.render('teacher/login', { errors: {}, username: '' });
  });

  router.post(paths.teacher.login, limit, async (req, res, next) => {
    const username = formText(req.body, 'username').trim().slice(0, 100);
    const password = formText(req.body, 'password');
    if (!username || !password) {
      res.status(400).render('teacher/login', { errors: { form: ['teacher:errors.missing'] }, username });
      return;
    }
    const teacher = await teachers.authenticate(username, password.slice(0, 200));
    if (!teacher) {
      res.status(401).render('teacher/login', { errors: { form: ['teacher:errors.wrong'] }, username });
      return;
    }
    req.session.regenerate((error) => {
      if (error) return next(error);
      req.session.teacherId = teacher.id;
      req.session.createdAt = Date.now();
      req.session.save((saveError) => (saveError ? next(saveError) : res.redirect(303, paths.teacher.home)));
    });
  });

  router.post(paths.teacher.logout, (req, res, next) => {
    req.session.destroy((error) => {
      if (error) return next(error);
      res.clearCookie(sessionCookieName);
      res.redirect(303, paths.teacher.login);
    });
  });

  router.get(paths.teacher.home, requireTeacher, (req, res) => {
    const classes = teachers.visibleClasses(req.session.teacherId!).map((klass) => ({
      klass,
      trainees: ctx.citizens.listInClass(klass.id).map((citizen) => {
        const card = ctx.keycards.activeCard(citizen.id);
        const state = effectiveState(citizen, ctx.clock.now(klass.id));
        return { citizen: { ...citizen, state }, keysLeft: card ? ctx.keycards.keysLeft(card) : 0 };
      }),
    }));
    res.render('teacher/home', { classes });
  });

  router.get('/teacher/classes/:code/cards', requireTeacher, (req, res) => {
    const klass = teachers.visibleClass(req.session.teacherId!, String(req.params.code));
    if (!klass) throw new NotFound();
    const slips = ctx.citizens.listInClass(klass.id).map((citizen) => ({
      citizen,
      blueprint: ctx.citizens.blueprintOf(citizen.id),
      cards: printableCards(ctx.keycards, citizen),
    }));
    res.render('teacher/print', { klass, slips });
  });

  router.get('/teacher/trainees/:id/card', requireTeacher, (req, res) => {
    const id = Number(req.params.id);
    const citizen = Number.isSafeInteger(id) ? ctx.citizens.findById(id) : undefined;
    const klass = citizen && teachers.visibleClasses(req.session.teacherId!).find((candidate) => candidate.id === citizen.classId);
    if (!citizen || !klass) throw new NotFound();
    res.render('keycard/cards', { cards: printableCards(ctx.keycards, citizen), backHref: paths.teacher.home });
  });

  return router;
}
