import type { Request, Response } from 'express';
import { fieldErrors, formText, type FieldErrors } from '../web/form.ts';
import { paths } from '../paths.ts';
import { attackPlans, harvestedCodeCount } from './attacks.ts';
import type { LookAlikeStep } from './lookalike-service.ts';
import { photoFrom } from './photo-upload.ts';
import type { WorkshopParts } from '../context.ts';
import type { TargetWithAttack } from './types.ts';
import { lookAlikeCodeSchema, lookAlikeCodesSchema, lookAlikePasswordSchema, mitidLookAlikeSchema } from './workshop-validation.ts';

const me = (req: Request): number => req.session.citizenId!;

/**
 * The look-alike login site of a staged phishing letter, as the participant sees it. It
 * never says it is staged; the debrief does. Typed secrets go to the service, which keeps
 * only facts, and are never shown again (a form shown again keeps only the user ID and
 * key numbers).
 */
export function lookAlikeController(parts: WorkshopParts) {
  const { lookAlike, mitidAttacks } = parts;

  /** The MitID look-alike: the user ID (relayed to the real login when real), then "approve in your app". */
  const renderMitid = (res: Response, status: number, target: TargetWithAttack, locals: Record<string, unknown> = {}) =>
    res.status(status).render('workshop/mitid-lookalike', {
      plan: attackPlans[target.attack.kind],
      step: mitidAttacks.step(target),
      action: paths.workshop.mitidLookAlike(target.token),
      errors: {},
      userId: '',
      ...locals,
    });

  const render = (res: Response, status: number, target: TargetWithAttack, step: LookAlikeStep, locals: Record<string, unknown> = {}) =>
    res.status(status).render('workshop/lookalike', {
      target,
      plan: attackPlans[target.attack.kind],
      step,
      action: paths.workshop.lookAlike(target.token),
      photoAction: paths.workshop.lookAlikePhoto(target.token),
      codeCount: harvestedCodeCount,
      errors: {},
      identifier: '',
      keys: {},
      feedback: null,
      ...locals,
    });

  return {
    show(req: Request, res: Response): void {
      const target = lookAlike.target(String(req.params.token), me(req));
      lookAlike.followLink(target);
      render(res, 200, target, lookAlike.step(target));
    },

    async submit(req: Request, res: Response): Promise<void> {
      const target = lookAlike.target(String(req.params.token), me(req));
      const step = lookAlike.step(target);
      const again = () => res.redirect(303, paths.workshop.lookAlike(target.token));
      if (step.step === 'password') {
        const parsed = lookAlikePasswordSchema.safeParse(req.body);
        const identifier = formText(req.body, 'identifier').slice(0, 100);
        if (!parsed.success) return void render(res, 400, target, step, { errors: fieldErrors(parsed.error), identifier });
        await lookAlike.typePassword(target, parsed.data.identifier, parsed.data.password);
        return again();
      }
      if (step.step === 'code') {
        const parsed = lookAlikeCodeSchema.safeParse(req.body);
        if (!parsed.success) return void render(res, 400, target, step, { errors: fieldErrors(parsed.error) });
        const result = lookAlike.typeCode(target, parsed.data.code);
        if (result.kind === 'wrong') {
          const next = lookAlike.step(target);
          if (next.step === 'code') return void render(res, 401, target, next, { feedback: { triesLeft: result.triesLeft } });
        }
        return again();
      }
      if (step.step === 'more' && step.asks === 'codes') {
        const parsed = lookAlikeCodesSchema.safeParse(req.body);
        if (!parsed.success) {
          const keys = Object.fromEntries(
            Array.from({ length: harvestedCodeCount }, (_, index) => [
              `key${index + 1}`,
              formText(req.body, `key${index + 1}`).slice(0, 4),
            ]),
          );
          return void render(res, 400, target, step, { errors: fieldErrors(parsed.error), keys });
        }
        const pairs = Array.from({ length: harvestedCodeCount }, (_, index) => ({
          key: parsed.data[`key${index + 1}`]!,
          code: parsed.data[`code${index + 1}`]!,
        }));
        lookAlike.typeCodes(target, pairs);
      }
      again();
    },

    showMitid(req: Request, res: Response): void {
      const target = lookAlike.target(String(req.params.token), me(req), true);
      lookAlike.followLink(target);
      renderMitid(res, 200, target);
    },

    submitMitid(req: Request, res: Response): void {
      const target = lookAlike.target(String(req.params.token), me(req), true);
      if (mitidAttacks.step(target).step !== 'userId') return res.redirect(303, paths.workshop.mitidLookAlike(target.token));
      const userId = formText(req.body, 'userId').slice(0, 100);
      const parsed = mitidLookAlikeSchema.safeParse(req.body);
      if (!parsed.success) return void renderMitid(res, 400, target, { errors: fieldErrors(parsed.error), userId });
      // A user ID that is not the participant's: the look-alike says what the real login would say.
      if (!mitidAttacks.typeUserId(target, parsed.data.userId))
        return void renderMitid(res, 401, target, { errors: { userId: ['workshop:mitidLookAlike.errors.unknown'] }, userId });
      res.redirect(303, paths.workshop.mitidLookAlike(target.token));
    },

    uploadPhoto(req: Request, res: Response): void {
      const target = lookAlike.target(String(req.params.token), me(req));
      const step = lookAlike.step(target);
      if (step.step !== 'more' || step.asks !== 'photo') return res.redirect(303, paths.workshop.lookAlike(target.token));
      const photo = photoFrom(req, res);
      if (!photo.ok) {
        const errors: FieldErrors = { photo: [photo.error] };
        return void render(res, 400, target, step, { errors });
      }
      lookAlike.uploadPhoto(target);
      res.redirect(303, paths.workshop.lookAlike(target.token));
    },
  };
}
