import { NotFound } from '../common/errors.ts';

/** A positive whole number from a URL segment or form field, else undefined. */
export function idFrom(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d{1,12}$/.test(value)) return undefined;
  const id = Number(value);
  return id > 0 ? id : undefined;
}

/** A whole number from a URL segment, else not found. */
export function idParam(value: unknown): number {
  if (typeof value !== 'string' || !/^\d{1,12}$/.test(value)) throw new NotFound();
  return Number(value);
}
