import { z } from 'zod';

/** Form bodies of the login journey. Each message is a locale key shown next to its field. */
export const passwordStepSchema = z.object({
  identifier: z.string().trim().min(1, 'login:errors.identifierMissing').max(100, 'login:errors.identifierTooLong'),
  password: z.string().min(1, 'login:errors.passwordMissing').max(100, 'login:errors.passwordTooLong'),
});

export const keyStepSchema = z.object({
  code: z
    .string()
    .transform((value) => value.replace(/\s/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, 'login:errors.codeFormat')),
});

export const choosePasswordSchema = z.object({
  password: z.string().max(200, 'credentials:password.length'),
  repeat: z.string().max(200, 'credentials:password.length'),
  userId: z.string().max(200, 'credentials:userId.length').default(''),
});
