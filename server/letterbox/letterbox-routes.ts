import { Router, type Request, type RequestHandler, type Response } from 'express';
import { identificationSchema } from '../blocking/blocking-validation.ts';
import { formFields } from '../web/form.ts';
import type { Lang } from '../common/i18n.ts';
import type { Context } from '../context.ts';
import { practiceClassOf } from '../enrolment/visitor.ts';
import { fieldErrors } from '../web/form.ts';
import { formatBody } from '../mailbox/body-format.ts';
import { textIn } from '../mailbox/types.ts';
import { paths, routes } from '../paths.ts';
import type { Browser, LetterboxService, WaitFor, Waiting } from './letterbox-service.ts';

type Deps = Pick<Context, 'support' | 'classes' | 'citizens'> & { letterbox: LetterboxService };

const browserOf = (ctx: Pick<Context, 'classes'>, req: Request): Browser => ({
  loggedIn: req.session.citizenId,
  proved: req.session.letterboxOf,
  practiceClassId: practiceClassOf(ctx, req)?.id,
});

/** A waiting panel as the partial `views/partials/waiting.ejs` shows it: texts in the page's language. */
function shown(waiting: Waiting | null, lang: Lang) {
  return (
    waiting && { ...waiting, coming: waiting.coming.map((item) => ({ subject: item.subject && textIn(item.subject, lang), at: item.at })) }
  );
}

/**
 * The letterbox at home, `/letterbox`: one page for every paper letter, with what is on its
 * way and the "let the time pass" control. The old addresses (`/nemid/letterbox`,
 * `/get-nemid/letterbox`, `/post/paper`) lead here. Every page also gets `waiting(what,
 * citizenId?)`, so that any page where a trainee waits can show the same panel.
 */
export function letterboxRoutes(ctx: Deps, limit: RequestHandler): Router {
  const router = Router();

  router.use((req, res, next) => {
    res.locals.waiting = (what: WaitFor, citizenId?: number) => {
      const browser = browserOf(ctx, req);
      const citizen =
        citizenId !== undefined
          ? ctx.citizens.findById(citizenId)
          : what === 'lock'
            ? ctx.letterbox.practiceCitizen(browser.practiceClassId)
            : ctx.letterbox.ownerFor(browser)?.citizen;
      if (!citizen) return null;
      return shown(ctx.letterbox.waiting(citizen, what, browser.practiceClassId), res.locals.lang as Lang);
    };
    next();
  });

  const render = (req: Request, res: Response, status: number, locals: Record<string, unknown> = {}) => {
    const browser = browserOf(ctx, req);
    const owner = ctx.letterbox.ownerFor(browser);
    const lang = res.locals.lang as Lang;
    const ownPractice = owner !== undefined && ctx.letterbox.whoMovesTime(owner.citizen, browser.practiceClassId) === 'you';
    const letters = owner
      ? ctx.letterbox.arrived(owner.citizen.id).map((letter) => ({
          id: letter.id,
          sender: letter.senderName,
          at: letter.deliveredAt,
          subject: textIn(letter.subject, lang),
          blocks: formatBody(textIn(letter.body, lang)),
          // The key card in the envelope: a practice identity prints it from the sandbox; a class gets it from the teacher.
          card: ownPractice && (letter.data.keyCardLetter === true || typeof letter.data.keyCard === 'string'),
        }))
      : [];
    res.status(status).render('letterbox/letterbox', {
      owner: owner && { name: owner.citizen.name, via: owner.via, id: owner.citizen.id },
      letters,
      waited: req.query.waited === '1',
      form: { name: '', cpr: '', identifier: '' },
      errors: {},
      ...locals,
    });
  };

  router.get(routes.letterbox.home, (req, res) => render(req, res, 200));

  // The three letterboxes of before are this one now.
  for (const old of [paths.letterbox.oldNemid, paths.letterbox.oldEnrolment, paths.letterbox.oldPaper]) {
    router.get(old, (_req, res) => res.redirect(301, paths.letterbox.home));
  }

  router.post(routes.letterbox.home, limit, (req, res) => {
    const fields = formFields(req.body, ['name', 'cpr', 'identifier'] as const);
    const form = { name: fields.name.slice(0, 100), cpr: fields.cpr.slice(0, 11), identifier: fields.identifier.slice(0, 100) };
    const parsed = identificationSchema.safeParse(fields);
    if (!parsed.success) return render(req, res, 400, { form, errors: fieldErrors(parsed.error) });
    const { citizen } = ctx.support.match(parsed.data);
    if (!citizen) return render(req, res, 401, { form, errors: { form: ['letterbox:notYours'] } });
    req.session.letterboxOf = citizen.id;
    res.redirect(303, paths.letterbox.home);
  });

  router.post(routes.letterbox.leave, (req, res) => {
    delete req.session.letterboxOf;
    res.redirect(303, paths.letterbox.home);
  });

  router.post(routes.letterbox.wait, (req, res) => {
    const what: WaitFor = formFields(req.body, ['what'] as const).what === 'lock' ? 'lock' : 'post';
    const moved = ctx.letterbox.letTimePass(practiceClassOf(ctx, req)?.id, what);
    if (what === 'lock') return res.redirect(303, moved === null ? paths.login.start : `${paths.login.start}?waited=lock`);
    res.redirect(303, moved === null ? paths.letterbox.home : `${paths.letterbox.home}?waited=1`);
  });

  return router;
}
