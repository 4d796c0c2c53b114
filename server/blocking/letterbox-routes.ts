import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Lang } from '../common/i18n.ts';
import type { Context } from '../context.ts';
import { fieldErrors } from '../login/login-validation.ts';
import { formatBody } from '../mailbox/body-format.ts';
import { textIn } from '../mailbox/types.ts';
import { paths } from '../paths.ts';
import { identificationSchema } from './blocking-validation.ts';
import { formFields } from './self-service-routes.ts';

type Deps = Pick<Context, 'support' | 'mailbox' | 'temporaryPasswords' | 'citizens'>;

/**
 * The letterbox at home, for the letters the issuer sends on paper (a temporary
 * password): read without NemID, since a blocked NemID cannot log in to Digital Post.
 * The browser shows only the post of the person it has proved to be: by ordering with
 * user ID and card number, on the phone line, at self-service, or with the form here.
 */
export function letterboxRoutes(ctx: Deps, limit: RequestHandler): Router {
  const router = Router();

  const render = (req: Request, res: Response, status: number, locals: Record<string, unknown> = {}) => {
    const citizen = req.session.letterboxOf === undefined ? undefined : ctx.citizens.findById(req.session.letterboxOf);
    const lang = res.locals.lang as Lang;
    const letters = citizen
      ? ctx.mailbox
          .arrivedLetters(citizen.id)
          .filter((letter) => letter.channel === 'paper')
          .reverse()
          .map((letter) => ({ id: letter.id, sender: letter.senderName, at: letter.deliveredAt, subject: textIn(letter.subject, lang), blocks: formatBody(textIn(letter.body, lang)) }))
      : [];
    res.status(status).render('blocking/letterbox', {
      owner: citizen && { name: citizen.name },
      letters,
      arrivesAt: citizen ? ctx.temporaryPasswords.arrivesAt(citizen.id) : null,
      form: { name: '', cpr: '', identifier: '' },
      errors: {},
      ...locals,
    });
  };

  router.get(paths.nemid.letterbox, (req, res) => render(req, res, 200));

  router.post(paths.nemid.letterbox, limit, (req, res) => {
    const fields = formFields(req.body, ['name', 'cpr', 'identifier'] as const);
    const form = { name: fields.name.slice(0, 100), cpr: fields.cpr.slice(0, 11), identifier: fields.identifier.slice(0, 100) };
    const parsed = identificationSchema.safeParse(fields);
    if (!parsed.success) return render(req, res, 400, { form, errors: fieldErrors(parsed.error) });
    const { citizen } = ctx.support.match(parsed.data);
    if (!citizen) return render(req, res, 401, { form, errors: { form: ['blocking:letterbox.notYours'] } });
    req.session.letterboxOf = citizen.id;
    res.redirect(303, paths.nemid.letterbox);
  });

  router.post(`${paths.nemid.letterbox}/leave`, (req, res) => {
    delete req.session.letterboxOf;
    res.redirect(303, paths.nemid.letterbox);
  });

  return router;
}
