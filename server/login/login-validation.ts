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

/** Field name -> locale keys, as the views expect them. */
export type FieldErrors = Record<string, string[]>;

export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    (errors[field] ??= []).push(/^[a-z]+:[\w.]+$/.test(issue.message) ? issue.message : 'errors:invalidInput');
  }
  return errors;
}

/** Reads a string field from a form body that may hold anything (arrays, objects, nothing). */
export function formText(body: unknown, field: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' ? value : '';
}
