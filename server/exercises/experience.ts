import type { NextFunction, Request, Response } from 'express';
import type { Citizen } from '../citizen/types.ts';
import type { Lang } from '../common/i18n.ts';
import type { ScenarioLibrary } from '../scenario/scenario-library.ts';
import { paths } from '../paths.ts';
import { nextPracticeLesson } from './practice-lessons.ts';
import { celebratedUpTo, rememberCelebrated } from './celebration.ts';
import type { ExerciseService } from './exercise-service.ts';
import { guideStepOf, illustratedSteps } from './guide-steps.ts';
import { lessonsFor } from './lessons.ts';
import { htmlClasses, readPreferences } from './preferences.ts';
import { classOfVisitor, traineeOf, type TraineeLookup } from './trainee.ts';
import { inLang, type ExerciseNews, type Progress, type ScenarioText } from './types.ts';

/**
 * Where the settings form returns to: this page, or for a page rendered by a form's POST
 * (which has no GET of its own) the page that form was on.
 */
function backTo(req: Request): string {
  if (req.method === 'GET') return req.originalUrl;
  try {
    const referer = new URL(req.get('referer') ?? '');
    return referer.pathname + referer.search;
  } catch {
    return '/';
  }
}

/** Pages a trainee reaches without logging in with NemID: still open while the NemID is blocked. */
const withoutLogin = /^\/(?:nemid|letterbox|practice|get-nemid|exemption|exercises)(?:[/?]|$)/;

/**
 * Where the celebration's "next exercise" link goes: nowhere when the trainee is already
 * on that page or in the login it starts (its key step), and to
 * getting back in first when the NemID is blocked and the exercise needs a login.
 */
export type NewsStart = { href: string; getBackIn: false } | { href: string | null; getBackIn: true } | null;

export function newsStart(start: string | undefined, currentPath: string, blocked: boolean): NewsStart {
  if (!start) return null;
  if (blocked && !withoutLogin.test(start)) return { href: currentPath === paths.nemid.home ? null : paths.nemid.home, getBackIn: true };
  const startPath = start.split('?')[0]!;
  if (currentPath === startPath || (startPath === paths.login.start && currentPath.startsWith(`${startPath}/`))) return null;
  return { href: start, getBackIn: false };
}

/** What the guide panel shows on a page. */
export interface GuideModel {
  step: string;
  illustrated: boolean;
  progress: Progress | null;
}

/**
 * What comes after the last exercise: for a person practising alone the next lesson
 * (`title`, or `last` after the last lesson); for a trainee of a teacher's class null
 * (the teacher says what is next).
 */
export type PracticeNext = { title: ScenarioText | null; last: boolean } | null;

/**
 * Gives every page what the trainee's experience needs, computed only if the page asks:
 * the display preferences (text size, contrast) as classes on <html>, the guide panel,
 * the celebration of exercises just done, and the lessons behind login mistakes.
 */
export function traineeExperience(
  lookup: TraineeLookup & { library: ScenarioLibrary },
  exercises: ExerciseService,
  secureCookies: boolean,
) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const preferences = readPreferences(req);
    const step = guideStepOf(req.path);
    const memo = new Map<string, unknown>();
    const once = <T>(name: string, compute: () => T): T => {
      if (!memo.has(name)) memo.set(name, compute());
      return memo.get(name) as T;
    };
    const trainee = () => once<Citizen | null>('trainee', () => traineeOf(lookup, req) ?? null);
    const guided = () =>
      once('guided', () => {
        if (step === undefined) return false;
        if (preferences.guide) return preferences.guide === 'on';
        const classId = classOfVisitor(lookup, req);
        return classId !== undefined && exercises.classGuided(classId);
      });
    const progress = () => once<Progress | null>('progress', () => (trainee() ? exercises.progress(trainee()!) : null));
    // A login under way remembers where its news begins, before its own events (choosing a password, the login) are written.
    const journey = req.session?.login;
    if (journey && journey.newsAfter === undefined) journey.newsAfter = exercises.newsStart(journey.citizenId);

    res.locals.preferences = preferences;
    res.locals.preferencesBack = backTo(req);
    res.locals.traineeKnown = () => trainee() !== null;
    res.locals.guideOn = guided;
    res.locals.htmlAttributes = () => {
      const classes = htmlClasses(preferences, guided());
      return classes.length > 0 ? ` class="${classes.join(' ')}"` : '';
    };
    res.locals.guide = (): GuideModel | null =>
      step !== undefined && guided() ? { step, illustrated: illustratedSteps.has(step), progress: progress() } : null;
    res.locals.exerciseProgress = progress;
    res.locals.exerciseNews = () =>
      once<ExerciseNews | null>('news', () => {
        const citizen = trainee();
        if (step === undefined || !citizen) return null;
        // Shown once: nothing this browser has celebrated, and nothing done before this session's sign-in.
        if (req.session && req.session.newsAfter?.citizenId !== citizen.id)
          req.session.newsAfter = { citizenId: citizen.id, eventId: exercises.newsStart(citizen.id) };
        const news = exercises.news(citizen, Math.max(celebratedUpTo(req, citizen.id), req.session?.newsAfter?.eventId ?? 0));
        if (!news) return null;
        // Rendering the page shows the celebration, so it is remembered as seen (a redirect shows nothing).
        rememberCelebrated(req, res, citizen.id, news.seenUpTo, secureCookies);
        return news;
      });
    res.locals.newsStart = (start: string | undefined): NewsStart => newsStart(start, req.path, trainee()?.state === 'blocked');
    res.locals.practiceNext = () =>
      once<PracticeNext>('practiceNext', () => {
        const citizen = trainee();
        const klass = citizen ? lookup.classes.findById(citizen.classId) : undefined;
        if (!klass || klass.kind !== 'selfstudy') return null;
        const next = nextPracticeLesson(klass.scenario);
        return next ? { title: lookup.library.read(next).title, last: false } : { title: null, last: true };
      });
    res.locals.lessonsFor = lessonsFor;
    res.locals.classGuided = (classId: number) => exercises.classGuided(classId);
    res.locals.inLang = (text: ScenarioText) => inLang(text, res.locals.lang as Lang);
    next();
  };
}
