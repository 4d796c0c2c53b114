import type { NextFunction, Request, Response } from 'express';
import { beginSession, sessionCookieName } from '../common/security.ts';
import { fieldErrors, formText } from '../web/form.ts';
import { paths } from '../paths.ts';
import type { TeacherConsole } from './console.ts';
import { notice, takeNotice } from '../web/teacher-notice.ts';
import { loginSchema, newAccountSchema } from './teacher-validation.ts';

/** Signing in and out of the teacher console, and teacher accounts made by a teacher. */
export function accountController({ teachers }: TeacherConsole) {
  const renderAccounts = (req: Request, res: Response, status: number, locals: Record<string, unknown>) =>
    res
      .status(status)
      .render('teacher/accounts', { accounts: teachers.accounts(), errors: {}, username: '', notice: takeNotice(req), ...locals });

  return {
    showLogin(req: Request, res: Response): void {
      if (req.session.teacherId !== undefined) return res.redirect(303, paths.teacher.home);
      res.render('teacher/login', { errors: {}, username: '' });
    },

    async login(req: Request, res: Response, next: NextFunction): Promise<void> {
      const username = formText(req.body, 'username').trim().slice(0, 100);
      const parsed = loginSchema.safeParse(req.body);
      if (!parsed.success) {
        res.status(400).render('teacher/login', { errors: fieldErrors(parsed.error), username });
        return;
      }
      const teacher = await teachers.authenticate(parsed.data.username, parsed.data.password);
      if (!teacher) {
        res.status(401).render('teacher/login', { errors: { form: ['teacher:errors.wrong'] }, username });
        return;
      }
      beginSession(
        req,
        (session) => {
          session.teacherId = teacher.id;
        },
        (error) => (error ? next(error) : res.redirect(303, paths.teacher.home)),
      );
    },

    logout(req: Request, res: Response, next: NextFunction): void {
      req.session.destroy((error) => {
        if (error) return next(error);
        res.clearCookie(sessionCookieName);
        res.redirect(303, paths.teacher.login);
      });
    },

    showAccounts(req: Request, res: Response): void {
      renderAccounts(req, res, 200, {});
    },

    async addAccount(req: Request, res: Response): Promise<void> {
      const username = formText(req.body, 'username').trim().slice(0, 100);
      const parsed = newAccountSchema.safeParse(req.body);
      if (!parsed.success) {
        renderAccounts(req, res, 400, { errors: fieldErrors(parsed.error), username });
        return;
      }
      const result = await teachers.create(parsed.data, req.session.teacherId!);
      if (!result.ok) {
        renderAccounts(req, res, 400, { errors: result.errors, username });
        return;
      }
      notice(req, 'teacher:accounts.added', { username: parsed.data.username });
      res.redirect(303, paths.teacher.accounts);
    },
  };
}
