import type { Request, Response } from 'express';
import type { Lang } from '../common/i18n.ts';
import { NotFound } from '../common/errors.ts';
import type { Context } from '../context.ts';
import { visitorOf, type Visitor } from '../enrolment/visitor.ts';
import { fieldErrors } from '../web/form.ts';
import { paths } from '../paths.ts';
import { decisionLines, renderAttestation } from './attestation-pdf.ts';
import type { ExemptionService } from './exemption-service.ts';
import { applicationSchema, contactSchema, endSchema } from './exemption-validation.ts';

/** The notices the pages redirect with; anything else in the URL is ignored. */
const notices = ['already', 'ended', 'contacted', 'notExempt', 'notOutside'];

const text = (body: unknown, name: string) => {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.slice(0, 500) : '';
};

/** Thin controllers of exemption from Digital Post at Borgerservice (R16-R21). */
export function exemptionController(ctx: Pick<Context, 'classes' | 'citizens'>, exemption: ExemptionService) {
  /** Only the browser's own NemID holder can apply; without one, the pages explain how to get one. */
  const visitor = (req: Request): Visitor | undefined => visitorOf(ctx, req);
  const ownVisitor = (req: Request): Visitor => {
    const who = visitor(req);
    if (!who) throw new NotFound();
    return who;
  };
  const idParam = (req: Request): number => {
    const id = String(req.params.id ?? '');
    if (!/^\d{1,9}$/.test(id)) throw new NotFound();
    return Number(id);
  };
  const renderForm = (res: Response, who: Visitor, status: number, values: Record<string, unknown>, errors = {}) =>
    res.status(status).render('exemption/form', { visitor: who, values, errors });

  return {
    home(req: Request, res: Response): void {
      const who = visitor(req);
      const status = who ? exemption.status(who.citizen) : undefined;
      res.render('exemption/home', {
        visitor: who,
        status,
        notice: notices.find((notice) => notice === req.query.notice) ?? null,
        sender: text(req.query, 'sender'),
      });
    },

    printableForm(_req: Request, res: Response): void {
      res.render('exemption/printable-form');
    },

    showApply(req: Request, res: Response): void {
      const who = visitor(req);
      if (!who) return res.redirect(303, paths.exemption.home);
      if (exemption.status(who.citizen).grant) return res.redirect(303, `${paths.exemption.home}?notice=already`);
      const correct = text(req.query, 'correct');
      // R18: correcting a rejected application starts from what it said.
      const corrected = /^\d{1,9}$/.test(correct) ? exemption.decision(who.citizen, Number(correct)) : undefined;
      const values = corrected
        ? {
            idDocument: corrected.idDocument,
            reason: corrected.reason,
            otherReason: corrected.otherReason ?? '',
            corrects: String(corrected.id),
          }
        : { idDocument: '', reason: '', otherReason: '', corrects: '' };
      renderForm(res, who, 200, values);
    },

    apply(req: Request, res: Response): void {
      const who = visitor(req);
      if (!who) return res.redirect(303, paths.exemption.home);
      const values = {
        idDocument: text(req.body, 'idDocument'),
        reason: text(req.body, 'reason'),
        otherReason: text(req.body, 'otherReason'),
        corrects: text(req.body, 'corrects'),
      };
      const parsed = applicationSchema.safeParse(req.body ?? {});
      if (!parsed.success) return renderForm(res, who, 400, values, fieldErrors(parsed.error));
      const outcome = exemption.apply(who.citizen, parsed.data);
      if (outcome.kind === 'already-exempt') return res.redirect(303, `${paths.exemption.home}?notice=already`);
      res.redirect(303, paths.exemption.decision(outcome.decision.id));
    },

    showDecision(req: Request, res: Response): void {
      const who = ownVisitor(req);
      const decision = exemption.decision(who.citizen, idParam(req));
      res.render('exemption/decision', { visitor: who, decision, text: decisionLines(decision, res.locals.lang as Lang) });
    },

    /** R18: the trainee asks for the decision in writing; the PDF follows. */
    requestAttestation(req: Request, res: Response): void {
      const who = ownVisitor(req);
      const decision = exemption.requestAttestation(who.citizen, idParam(req));
      res.redirect(303, paths.exemption.attestationPdf(decision.id));
    },

    async attestationPdf(req: Request, res: Response): Promise<void> {
      const who = ownVisitor(req);
      const decision = exemption.decision(who.citizen, idParam(req));
      if (decision.attestedAt === null) throw new NotFound();
      const pdf = await renderAttestation(decision, who.citizen, res.locals.lang as Lang);
      res.type('application/pdf');
      res.setHeader('Content-Disposition', `attachment; filename="exemption-decision-${decision.id}.pdf"`);
      res.send(pdf);
    },

    showEnd(req: Request, res: Response): void {
      const who = visitor(req);
      if (!who || !exemption.status(who.citizen).grant) return res.redirect(303, paths.exemption.home);
      res.render('exemption/end', { visitor: who, values: { idDocument: '' }, errors: {} });
    },

    end(req: Request, res: Response): void {
      const who = visitor(req);
      if (!who) return res.redirect(303, paths.exemption.home);
      const parsed = endSchema.safeParse(req.body ?? {});
      const values = { idDocument: text(req.body, 'idDocument') };
      if (!parsed.success) return void res.status(400).render('exemption/end', { visitor: who, values, errors: fieldErrors(parsed.error) });
      const outcome = exemption.end(who.citizen, parsed.data.idDocument);
      if (outcome.kind === 'no-valid-id')
        return void res
          .status(422)
          .render('exemption/end', { visitor: who, values, errors: { idDocument: ['exemption:end.errors.noValidId'] } });
      res.redirect(303, `${paths.exemption.home}?notice=${outcome.kind === 'ended' ? 'ended' : 'notExempt'}`);
    },

    /** R21: contact one sender outside the exemption. */
    contact(req: Request, res: Response): void {
      const who = visitor(req);
      const parsed = contactSchema.safeParse(req.body ?? {});
      if (!who || !parsed.success) return res.redirect(303, paths.exemption.home);
      const outcome = exemption.contactSender(who.citizen, parsed.data.sender);
      if (outcome.kind !== 'contacted')
        return res.redirect(303, `${paths.exemption.home}?notice=${outcome.kind === 'not-exempt' ? 'notExempt' : 'notOutside'}`);
      res.redirect(303, `${paths.exemption.home}?notice=contacted&sender=${encodeURIComponent(outcome.sender.name)}`);
    },
  };
}
