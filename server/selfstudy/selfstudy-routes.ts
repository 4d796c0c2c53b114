import crypto from 'node:crypto';
import { Router, type NextFunction, type Request, type Response } from 'express';
import type { Context } from '../context.ts';
import { cardInHand } from '../keycard/keycard-print.ts';
import { paths } from '../paths.ts';
import { newSelfStudyClassCode } from '../teacher/join-code.ts';
import type { ClassRow } from '../teacher/types.ts';

export const ownerCookie = 'sandbox.practice';
export const selfStudyScenario = 'self-study';

export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/**
 * Practising alone: a person without a teacher gets a fictional identity of their own
 * (in a class of one, with its own clock) and what a new NemID holder holds in their
 * hand: the welcome letter and the key card. A cookie with a random token proves they
 * own it; only its hash is stored.
 */
export function selfStudyRoutes(ctx: Pick<Context, 'classes' | 'citizens' | 'keycards' | 'scenarios' | 'random' | 'clock'>, secureCookies: boolean): Router {
  const router = Router();

  const ownClass = (req: Request): ClassRow | undefined => {
    const token = req.cookies?.[ownerCookie];
    return typeof token === 'string' && token.length === 64 ? ctx.classes.findByOwnerTokenHash(hashToken(token)) : undefined;
  };

  const requireOwnClass = (req: Request, res: Response, next: NextFunction) => {
    const klass = ownClass(req);
    if (!klass) {
      res.redirect(303, `${paths.home}#practice`);
      return;
    }
    res.locals.practiceClass = klass;
    res.locals.practiceCitizen = ctx.citizens.listInClass(klass.id)[0];
    next();
  };

  router.post(paths.practice.start, async (req, res) => {
    const previous = ownClass(req);
    if (previous) ctx.classes.delete(previous.id);
    const token = crypto.randomBytes(32).toString('hex');
    await ctx.scenarios.load(selfStudyScenario, {
      classCode: newSelfStudyClassCode(ctx.random),
      className: 'Self-study',
      traineeCount: 1,
      kind: 'selfstudy',
      ownerTokenHash: hashToken(token),
      actor: 'trainee',
    });
    res.cookie(ownerCookie, token, { httpOnly: true, sameSite: 'lax', secure: secureCookies, maxAge: 30 * 86_400_000 });
    res.redirect(303, paths.practice.welcome);
  });

  router.get(paths.practice.welcome, requireOwnClass, (_req, res) => {
    const citizen = res.locals.practiceCitizen;
    res.render('selfstudy/welcome', { citizen, blueprint: ctx.citizens.blueprintOf(citizen.id), reset: _req.query.reset === '1' });
  });

  router.get(paths.practice.card, requireOwnClass, (_req, res) => {
    const citizen = res.locals.practiceCitizen;
    res.render('keycard/cards', { ...cardInHand(ctx.keycards, citizen, ctx.clock.now(citizen.classId)), backHref: paths.practice.welcome });
  });

  router.post(paths.practice.reset, requireOwnClass, (_req, res) => {
    ctx.scenarios.reset(res.locals.practiceClass.id, { actor: 'trainee' });
    res.redirect(303, `${paths.practice.welcome}?reset=1`);
  });

  return router;
}
