import type { NextFunction, Request, Response } from 'express';
import { paths } from '../paths.ts';
import type { TeacherConsole } from './console.ts';

/** What a secret on a teacher's page belongs to: a trainee (their password) or a class (its join code). */
export const secretKey = {
  trainee: (id: number) => `trainee-${id}`,
  joinCode: (classId: number) => `join-${classId}`,
};

/** A teacher page's own address to come back to after the switch: a console path only, never another site. */
export function backTo(value: unknown): string {
  const text = typeof value === 'string' ? value : '';
  return /^\/teacher(\/[^\s\\]*)?(\?[^\s\\]*)?$/.test(text) && !text.startsWith('//') ? text : paths.teacher.home;
}

/**
 * Projector mode on the console's pages (`res.locals.projector`): when it is on, every
 * password, temporary password and join code is shown as "•••••" with a Show link; the link
 * reloads the page with `?show=<key>`, which reveals that one trainee's (or class's) value
 * only. A view parameter, not stored: the next page hides it again. Printouts never use it.
 */
export function projectorLocals(req: Request, res: Response, next: NextFunction): void {
  const on = req.session.teacherId !== undefined && req.session.projector === true;
  const shown = typeof req.query.show === 'string' ? req.query.show : null;
  const here = `${req.baseUrl}${req.path}`;
  const keep = Object.entries(req.query).filter(([name, value]) => name !== 'show' && typeof value === 'string') as [string, string][];
  const withQuery = (extra: [string, string][]) => {
    const query = new URLSearchParams([...keep, ...extra]).toString();
    return query ? `${here}?${query}` : here;
  };
  res.locals.projector = {
    on,
    hides: (key: string) => on && shown !== key,
    shows: (key: string) => on && shown === key,
    showHref: (key: string) => `${withQuery([['show', key]])}#secret-${key}`,
    hideHref: (key: string) => `${withQuery([])}#secret-${key}`,
    back: withQuery([]),
  };
  next();
}

/** The switch itself: stored in the teacher's session, one event in the log. */
export function projectorController({ teachers }: TeacherConsole) {
  return {
    switch(req: Request, res: Response): void {
      const on = req.body?.projector === 'on';
      req.session.projector = on;
      teachers.projectorSwitched(req.session.teacherId!, on);
      res.redirect(303, backTo(req.body?.back));
    },
  };
}
