import crypto from 'node:crypto';
import type { Request, Response } from 'express';
import { fictionalCpr, fictionalName } from '../citizen/fictional-identity.ts';
import { formatCpr } from '../citizen/types.ts';
import { NotFound } from '../common/errors.ts';
import type { Context } from '../context.ts';
import { fieldErrors } from '../web/form.ts';
import { paths } from '../paths.ts';
import { hashToken, ownerCookie } from '../web/practice-cookie.ts';
import type { EnrolmentService } from './enrolment-service.ts';
import { bankSchema, borgerserviceSchema } from './enrolment-validation.ts';
import { deskOfScenario, type Desk } from './types.ts';
import { practiceClassOf, visitorOf } from './visitor.ts';

/** The form as typed, to show it again after an error or a refusal. */
function formValues(body: Record<string, unknown> | undefined): Record<string, unknown> {
  const text = (name: string) => (typeof body?.[name] === 'string' ? (body[name] as string).slice(0, 100) : '');
  const list = (name: string) => {
    const value = body?.[name];
    return (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');
  };
  return {
    hasCpr: text('hasCpr'),
    brings: list('brings'),
    witnessName: text('witnessName'),
    witnessAge: text('witnessAge'),
    witnessCpr: text('witnessCpr'),
    witnessBrings: list('witnessBrings'),
  };
}

/** Thin controllers of the two desks where NemID is applied for (R6, R7) and what each hands over. */
export function enrolmentController(
  ctx: Pick<Context, 'classes' | 'citizens' | 'mailbox' | 'random'>,
  enrolment: EnrolmentService,
  secureCookies: boolean,
) {
  const renderDesk = (req: Request, res: Response, desk: Desk, status: number, locals: Record<string, unknown>) =>
    res.status(status).render('enrolment/desk', { desk, visitor: visitorOf(ctx, req), errors: {}, checks: null, ...locals });

  /** The practice identity a desk issued to this browser, or 404. */
  const issuedHere = (req: Request, desk: Desk) => {
    const klass = practiceClassOf(ctx, req);
    const citizen = klass && deskOfScenario(klass.scenario) === desk ? ctx.citizens.listInClass(klass.id)[0] : undefined;
    if (!klass || !citizen) throw new NotFound();
    return { klass, citizen };
  };

  const show = (desk: Desk) => (req: Request, res: Response) => {
    // A suggested fictional witness, so nobody types a real person's CPR number.
    const values = {
      hasCpr: '',
      brings: [],
      witnessName: fictionalName(ctx.random),
      witnessAge: '',
      witnessCpr: formatCpr(fictionalCpr(ctx.random)),
      witnessBrings: [],
    };
    renderDesk(req, res, desk, 200, { values });
  };

  const apply = (desk: Desk) => async (req: Request, res: Response) => {
    const values = formValues(req.body);
    const parsed = (desk === 'bank' ? bankSchema : borgerserviceSchema).safeParse(req.body ?? {});
    if (!parsed.success) return renderDesk(req, res, desk, 400, { values, errors: fieldErrors(parsed.error) });
    const token = crypto.randomBytes(32).toString('hex');
    const outcome = await enrolment.apply(desk, parsed.data, {
      visitor: visitorOf(ctx, req)?.citizen,
      ownerTokenHash: hashToken(token),
      replacesClassId: practiceClassOf(ctx, req)?.id,
    });
    if (!outcome.ok) return renderDesk(req, res, desk, 422, { values, checks: outcome.checks });
    res.cookie(ownerCookie, token, { httpOnly: true, sameSite: 'lax', secure: secureCookies, maxAge: 30 * 86_400_000 });
    // The trainee now plays the new NemID holder: a NemID logged in before is not theirs any more.
    const wasLoggedIn = req.session.citizenId !== undefined;
    delete req.session.citizenId;
    delete req.session.classId;
    const next = desk === 'bank' ? paths.enrolment.ordered : paths.enrolment.handedOver;
    res.redirect(303, wasLoggedIn ? `${next}?loggedOut=1` : next);
  };

  return {
    guide(_req: Request, res: Response): void {
      res.render('enrolment/guide');
    },
    showBorgerservice: show('borgerservice'),
    showBank: show('bank'),
    applyAtBorgerservice: apply('borgerservice'),
    applyAtBank: apply('bank'),

    /** R6: what the case worker hands over on the spot: welcome letter and key card; the mailbox exists (R8). */
    handedOver(req: Request, res: Response): void {
      const { citizen } = issuedHere(req, 'borgerservice');
      res.render('enrolment/handed-over', {
        citizen,
        blueprint: ctx.citizens.blueprintOf(citizen.id),
        loggedOut: req.query.loggedOut === '1',
      });
    },

    /** R7: the bank orders NemID; the welcome letter and the key card come by post. */
    ordered(req: Request, res: Response): void {
      const { citizen } = issuedHere(req, 'bank');
      const arrived = ctx.mailbox.arrivedLetters(citizen.id).some((letter) => letter.channel === 'paper' && letter.data.welcomeLetter);
      res.render('enrolment/ordered', { citizen, arrived, citizenId: citizen.id, loggedOut: req.query.loggedOut === '1' });
    },
  };
}
