import type { NextFunction, Request, Response } from 'express';
import { paths, type ServiceId } from '../paths.ts';

/** Lets a request through only with a finished NemID login; otherwise sends it to the login. */
export function requireCitizen(service: ServiceId) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.session.citizenId === undefined) {
      res.redirect(303, `${paths.login.start}?service=${service}`);
      return;
    }
    next();
  };
}

export function requireTeacher(req: Request, res: Response, next: NextFunction): void {
  if (req.session.teacherId === undefined) {
    res.redirect(303, paths.teacher.login);
    return;
  }
  next();
}
