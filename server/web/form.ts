import type { z } from 'zod';

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

/** Reads only the named text fields of a form, so anything else sent is ignored. */
export function formFields<K extends string>(body: unknown, names: readonly K[]): Record<K, string> {
  return Object.fromEntries(names.map((name) => [name, formText(body, name)])) as Record<K, string>;
}
