import type { Request, Response } from 'express';

/**
 * Which exercises this browser has already celebrated, per trainee: `citizenId:eventId`
 * pairs (the newest completing event shown). Only a few trainees share one computer, so
 * the newest eight are kept. Progress itself is never here: it is the event log.
 */
export const celebratedCookie = 'sandbox.celebrated';
const keep = 8;
const oneYear = 365 * 86_400_000;

function pairs(req: Request): Map<number, number> {
  const raw = req.cookies?.[celebratedCookie];
  const map = new Map<number, number>();
  if (typeof raw !== 'string') return map;
  for (const pair of raw.slice(0, 400).split(',')) {
    const match = /^(\d{1,12}):(\d{1,15})$/.exec(pair);
    if (match) map.set(Number(match[1]), Number(match[2]));
  }
  return map;
}

export function celebratedUpTo(req: Request, citizenId: number): number {
  return pairs(req).get(citizenId) ?? 0;
}

export function rememberCelebrated(req: Request, res: Response, citizenId: number, eventId: number, secure: boolean): void {
  const map = pairs(req);
  map.delete(citizenId);
  const entries = [[citizenId, eventId], ...map.entries()].slice(0, keep);
  res.cookie(celebratedCookie, entries.map(([id, event]) => `${id}:${event}`).join(','), {
    maxAge: oneYear,
    httpOnly: true,
    sameSite: 'lax',
    secure,
  });
}

/**
 * Forgets what this browser celebrated for a citizen id, and the session's mark: for an
 * identity that is deleted and replaced (practising alone), whose new events may reuse
 * the old ids (SQLite reuses the highest rowids after a delete).
 */
export function forgetCelebrated(req: Request, res: Response, citizenId: number, secure: boolean): void {
  if (req.session?.newsAfter?.citizenId === citizenId) delete req.session.newsAfter;
  const map = pairs(req);
  if (!map.delete(citizenId)) return;
  res.cookie(celebratedCookie, [...map.entries()].map(([id, event]) => `${id}:${event}`).join(','), {
    maxAge: oneYear,
    httpOnly: true,
    sameSite: 'lax',
    secure,
  });
}
