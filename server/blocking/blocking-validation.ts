import { z } from 'zod';
import { userBlockReasons } from './types.ts';

/** Form bodies of self-service, the phone line and the desk. Each message is a locale key. */
export const blockSchema = z.object({
  reason: z.enum(userBlockReasons, { error: 'blocking:errors.reasonMissing' }),
});

export const changePasswordSchema = z.object({
  password: z.string().max(200, 'credentials:password.length'),
  repeat: z.string().max(200, 'credentials:password.length'),
  code: z
    .string()
    .max(20, 'login:errors.codeFormat')
    .transform((value) => value.replace(/\s/g, '')),
});

export const temporaryPasswordSchema = z.object({
  identifier: z.string().trim().min(1, 'login:errors.identifierMissing').max(100, 'login:errors.identifierTooLong'),
  cardNumber: z
    .string()
    .transform((value) => value.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^\d{10}$/, 'blocking:temporary.cardNumberFormat')),
});

export const identificationSchema = z.object({
  name: z.string().trim().min(1, 'blocking:support.nameMissing').max(100, 'blocking:support.nameMissing'),
  cpr: z
    .string()
    .trim()
    .regex(/^\d{6}-?\d{4}$/, 'blocking:support.cprFormat'),
  identifier: z.string().trim().min(1, 'blocking:support.identifierMissing').max(100, 'blocking:support.identifierMissing'),
});

export const callReasonSchema = z.object({
  reason: z.enum([...userBlockReasons, 'unblock'], { error: 'blocking:errors.reasonMissing' }),
});

export const deskSchema = identificationSchema.extend({
  place: z.enum(['borgerservice', 'bank'], { error: 'blocking:desk.placeMissing' }),
  photoId: z.literal('yes', { error: 'blocking:desk.noPhotoId' }),
});
