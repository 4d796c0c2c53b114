import crypto from 'node:crypto';
import { Router, type NextFunction, type Request, type Response } from 'express';
import { forgetLoginOf } from '../blocking/session.ts';
import { forgetCelebrated } from '../exercises/celebration.ts';
import type { Context } from '../context.ts';
import { cardInHand } from '../keycard/keycard-print.ts';
import { paths, routes } from '../paths.ts';
import { newSelfStudyClassCode } from '../classes/join-code.ts';
import type { ClassRow } from '../classes/types.ts';
import { nextPracticeLesson } from '../exercises/practice-lessons.ts';
import { hashToken, ownerCookie, practiceClassOf } from '../web/practice-cookie.ts';

export const selfStudyScenario = 'self-study';

/**
 * Practising alone: a person without a teacher gets a fictional identity of their own
 * (in a class of one, with its own clock) and what a new NemID holder holds in their
 * hand: the welcome letter and the key card. A cookie with a random token proves they
 * own it; only its hash is stored.
 */
export function selfStudyRoutes(
  ctx: Pick<Context, 'classes' | 'citizens' | 'keycards' | 'scenarios' | 'random' | 'library' | 'exercises' | 'clock'>,
  secureCookies: boolean,
): Router {
  const router = Router();

  const ownClass = (req: Request): ClassRow | undefined => practiceClassOf(ctx.classes, req);

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

  router.post(routes.practice.start, async (req, res) => {
    const previous = ownClass(req);
    if (previous) {
      for (const citizen of ctx.citizens.listInClass(previous.id)) forgetCelebrated(req, res, citizen.id, secureCookies);
      ctx.classes.delete(previous.id);
    }
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

  router.get(routes.practice.welcome, requireOwnClass, (req, res) => {
    const citizen = res.locals.practiceCitizen;
    const klass: ClassRow = res.locals.practiceClass;
    // A later lesson (e.g. the phishing letter): its title instead of the first activation's text.
    const lesson = klass.scenario === selfStudyScenario ? null : ctx.library.read(klass.scenario);
    res.render('selfstudy/welcome', {
      citizen,
      blueprint: ctx.citizens.blueprintOf(citizen.id),
      reset: req.query.reset === '1',
      lesson,
      started: req.query.started === '1',
    });
  });

  // The next lesson: a new identity of one in the next scenario, owned by the same browser (the same token).
  router.post(routes.practice.next, requireOwnClass, async (req, res) => {
    const previous: ClassRow = res.locals.practiceClass;
    const next = nextPracticeLesson(previous.scenario);
    if (!next) {
      res.redirect(303, paths.practice.welcome);
      return;
    }
    const guided = ctx.exercises.classGuided(previous.id);
    forgetLoginOf(req, res, res.locals.practiceCitizen.id);
    forgetCelebrated(req, res, res.locals.practiceCitizen.id, secureCookies);
    ctx.classes.delete(previous.id);
    const klass = await ctx.scenarios.load(next, {
      classCode: newSelfStudyClassCode(ctx.random),
      className: 'Self-study',
      traineeCount: 1,
      kind: 'selfstudy',
      ownerTokenHash: hashToken(req.cookies[ownerCookie]),
      actor: 'trainee',
    });
    // Practising alone the guide stays as it was (the first lesson has it on from the start).
    if (guided) ctx.exercises.setClassGuided(klass.id, true, 'cli');
    res.redirect(303, `${paths.practice.welcome}?started=1`);
  });

  router.get(routes.practice.card, requireOwnClass, (_req, res) => {
    const citizen = res.locals.practiceCitizen;
    res.render('keycard/cards', { ...cardInHand(ctx.keycards, citizen, ctx.clock.now(citizen.classId)), backHref: paths.practice.welcome });
  });

  // A reset cannot be undone: a page says what goes, and its button posts.
  router.get(routes.practice.reset, requireOwnClass, (_req, res) => {
    res.render('selfstudy/reset');
  });

  router.post(routes.practice.reset, requireOwnClass, (_req, res) => {
    ctx.scenarios.reset(res.locals.practiceClass.id, { actor: 'trainee' });
    res.redirect(303, `${paths.practice.welcome}?reset=1`);
  });

  return router;
}
