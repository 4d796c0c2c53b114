import { Router, type Request, type Response } from 'express';
import { formText } from '../web/form.ts';
import type { DigitalPost } from '../context.ts';
import type { PublicServiceGuards } from '../enrolment/public-access.ts';
import { formatKroner } from '../bank/bank-service.ts';
import { paths, routes } from '../paths.ts';

/** The personal tax folder (R2): the year's tax assessment and a form to answer it. */
export function taxRoutes(post: DigitalPost, guards: PublicServiceGuards): Router {
  const router = Router();
  const render = (
    req: Request,
    res: Response,
    status: number,
    errors: Record<string, string[]>,
    form = { extraDeductions: '', comment: '' },
  ) => {
    const citizen = post.citizen(req.session.citizenId!);
    res.status(status).render('services/tax', {
      kr: (ore: number) => formatKroner(ore, res.locals.lang),
      assessment: post.tax.assessment(citizen),
      errors,
      form,
      saved: req.query.done === 'answered',
    });
  };
  const signedIn = guards('tax');
  router.get(routes.tax.home, ...signedIn, (req, res) => render(req, res, 200, {}));
  router.post(routes.tax.answer, ...signedIn, (req: Request, res: Response) => {
    const form = {
      extraDeductions: formText(req.body, 'extraDeductions').slice(0, 40),
      comment: formText(req.body, 'comment').slice(0, 2000),
    };
    const result = post.tax.answer(post.citizen(req.session.citizenId!), form);
    if (!result) return render(req, res, 404, {});
    if (!result.ok) return render(req, res, 400, result.errors, form);
    res.redirect(303, `${paths.tax.home}?done=answered`);
  });
  return router;
}
