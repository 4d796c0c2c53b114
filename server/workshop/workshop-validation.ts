import { z } from 'zod';
import { formText, type FieldErrors } from '../web/form.ts';
import { workshopClockSteps } from '../common/clock.ts';
import { attackPlans, harvestedCodeCount } from './attacks.ts';
import type { PlannedAttack } from './workshop-service.ts';
import { attackKinds } from './types.ts';

/** The longest wait a facilitator may set for an attack, in minutes on the class clock. */
export const maxMinutes = 240;

/**
 * The facilitator's plan from the form: for each attack, minutes from now ("0" now, empty:
 * not in this workshop). Returns the plan, the field errors and the values to show again.
 */
export function planFrom(body: unknown): { plan: PlannedAttack[]; errors: FieldErrors; values: Record<string, string> } {
  const plan: PlannedAttack[] = [];
  const errors: FieldErrors = {};
  const values: Record<string, string> = {};
  for (const kind of attackKinds) {
    const field = attackPlans[kind].key;
    const raw = formText(body, field).trim().slice(0, 10);
    values[field] = raw;
    if (raw === '') continue;
    if (!/^\d{1,3}$/.test(raw) || Number(raw) > maxMinutes) errors[field] = ['workshop:start.errors.minutes'];
    else plan.push({ kind, minutes: Number(raw) });
  }
  if (plan.length === 0 && Object.keys(errors).length === 0) errors.form = ['workshop:start.errors.noAttack'];
  return { plan, errors, values };
}

/** The workshop page's clock buttons (+5 min, +15 min, +1 h). */
export const workshopClockSchema = z.object({ step: z.enum(workshopClockSteps, 'workshop:pacing.errors.step') });

const code = z
  .string()
  .transform((value) => value.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'workshop:lookAlike.errors.code'));

export const lookAlikePasswordSchema = z.object({
  identifier: z.string().trim().min(1, 'workshop:lookAlike.errors.identifier').max(100, 'workshop:lookAlike.errors.tooLong'),
  password: z.string().min(1, 'workshop:lookAlike.errors.password').max(100, 'workshop:lookAlike.errors.tooLong'),
});

export const lookAlikeCodeSchema = z.object({ code });

/** The "confirm your card" page: `key1`/`code1` ... as many pairs as `harvestedCodeCount`. */
export const lookAlikeCodesSchema = z.object(
  Object.fromEntries(
    Array.from({ length: harvestedCodeCount }, (_, index) => [
      [
        `key${index + 1}`,
        z
          .string()
          .trim()
          .regex(/^\d{4}$/, 'workshop:lookAlike.errors.key'),
      ],
      [`code${index + 1}`, code],
    ]).flat(),
  ) as Record<string, z.ZodType<string>>,
);

export const callSaySchema = z.object({
  said: z.string().trim().min(1, 'workshop:call.errors.said').max(100, 'workshop:call.errors.saidTooLong'),
});

/** The MitID look-alike's user ID field (MitID's own limit, 48 characters [S1]). */
export const mitidLookAlikeSchema = z.object({
  userId: z.string().trim().min(1, 'workshop:mitidLookAlike.errors.userId').max(48, 'workshop:mitidLookAlike.errors.tooLong'),
});
