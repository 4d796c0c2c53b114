import type { Request } from 'express';
import type { Citizen } from '../citizen/types.ts';
import type { Context } from '../context.ts';
import { hashToken, ownerCookie } from '../web/practice-cookie.ts';
import type { ClassRow } from '../classes/types.ts';

/**
 * Who stands at the desk. The person logged in with NemID in this browser, or else the
 * practice identity this browser owns (practising alone, or a NemID got at a desk). At a
 * real desk one shows ID; in the sandbox the browser's own identity is the only one a
 * trainee can act for, so nobody can act on another trainee's mailbox.
 */
export interface Visitor {
  citizen: Citizen;
  via: 'login' | 'practice';
}

export function practiceClassOf(ctx: Pick<Context, 'classes'>, req: Request): ClassRow | undefined {
  const token = req.cookies?.[ownerCookie];
  return typeof token === 'string' && token.length === 64 ? ctx.classes.findByOwnerTokenHash(hashToken(token)) : undefined;
}

export function visitorOf(ctx: Pick<Context, 'classes' | 'citizens'>, req: Request): Visitor | undefined {
  const loggedIn = req.session.citizenId === undefined ? undefined : ctx.citizens.findById(req.session.citizenId);
  if (loggedIn) return { citizen: loggedIn, via: 'login' };
  const practice = practiceClassOf(ctx, req);
  const citizen = practice ? ctx.citizens.listInClass(practice.id)[0] : undefined;
  return citizen ? { citizen, via: 'practice' } : undefined;
}
