import { z } from 'zod';
import { idChoices, reasonChoices, type ExemptionForm } from './types.ts';

/** The exemption form as handed in (R16, R17). Each message is a locale key shown next to its field. */
export const applicationSchema = z
  .object({
    idDocument: z.enum(idChoices, 'exemption:errors.idDocument'),
    reason: z.enum(reasonChoices, 'exemption:errors.reason'),
    otherReason: z.string().trim().max(500, 'exemption:errors.otherReasonTooLong').default(''),
    corrects: z
      .string()
      .regex(/^\d{1,9}$/)
      .transform(Number)
      .optional()
      .catch(undefined),
  })
  .refine((form) => form.reason !== 'other' || form.otherReason !== '', {
    path: ['otherReason'],
    message: 'exemption:errors.otherReasonMissing',
    // Checked even when another field is wrong too, so the page names every problem at once.
    when: (payload) => {
      const value = payload.value as { reason?: unknown; otherReason?: unknown };
      return value.reason === 'other' && typeof value.otherReason !== 'object';
    },
  })
  .transform((form): ExemptionForm => ({
    idDocument: form.idDocument,
    reason: form.reason,
    otherReason: form.reason === 'other' ? form.otherReason : null,
    corrects: form.corrects ?? null,
  }));

export const endSchema = z.object({ idDocument: z.enum(idChoices, 'exemption:errors.idDocument') });

export const contactSchema = z.object({ sender: z.string().regex(/^[a-z0-9-]{2,40}$/, 'exemption:errors.sender') });
