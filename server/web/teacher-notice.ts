import type { Request } from 'express';

/** Leaves a message for the next page the teacher sees (after a redirect). */
export function notice(req: Request, key: string, params: Record<string, string | number> = {}): void {
  req.session.teacherNotice = { key, params };
}

/** The waiting message, shown once. */
export function takeNotice(req: Request): { key: string; params: Record<string, string | number> } | null {
  const waiting = req.session.teacherNotice ?? null;
  delete req.session.teacherNotice;
  return waiting;
}
