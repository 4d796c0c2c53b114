import type { Request, Response } from 'express';

export const preferencesCookie = 'sandbox.prefs';
const oneYear = 365 * 86_400_000;

export const textSizes = ['normal', 'large', 'larger'] as const;
export const contrasts = ['normal', 'high'] as const;
export const guideChoices = ['on', 'off'] as const;

export interface Preferences {
  textSize: (typeof textSizes)[number];
  contrast: (typeof contrasts)[number];
  /** The trainee's own choice; absent means the class decides. */
  guide?: (typeof guideChoices)[number];
}

function oneOf<T extends string>(allowed: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** The display preferences of this browser (a cookie; nothing about them is stored on the server). */
export function readPreferences(req: Request): Preferences {
  const raw = req.cookies?.[preferencesCookie];
  const fields = new URLSearchParams(typeof raw === 'string' ? raw.slice(0, 200) : '');
  return {
    textSize: oneOf(textSizes, fields.get('text')) ?? 'normal',
    contrast: oneOf(contrasts, fields.get('contrast')) ?? 'normal',
    guide: oneOf(guideChoices, fields.get('guide')),
  };
}

/** The changes a settings form asks for; undefined when it asks for nothing valid. */
export function changesFrom(body: unknown): Partial<Preferences> | undefined {
  const form = (body ?? {}) as Record<string, unknown>;
  const changes: Partial<Preferences> = {};
  const textSize = oneOf(textSizes, form.textSize);
  const contrast = oneOf(contrasts, form.contrast);
  const guide = oneOf(guideChoices, form.guide);
  if (textSize) changes.textSize = textSize;
  if (contrast) changes.contrast = contrast;
  if (guide) changes.guide = guide;
  return Object.keys(changes).length > 0 ? changes : undefined;
}

export function writePreferences(res: Response, preferences: Preferences, secure: boolean): void {
  const fields = new URLSearchParams({ text: preferences.textSize, contrast: preferences.contrast });
  if (preferences.guide) fields.set('guide', preferences.guide);
  res.cookie(preferencesCookie, fields.toString(), { maxAge: oneYear, httpOnly: true, sameSite: 'lax', secure });
}

/** The classes on <html> that themes.css styles: text size, high contrast, the guide's layout. */
export function htmlClasses(preferences: Preferences, guided: boolean): string[] {
  return [
    preferences.textSize === 'normal' ? '' : `text-${preferences.textSize}`,
    preferences.contrast === 'high' ? 'contrast-high' : '',
    guided ? 'guided' : '',
  ].filter(Boolean);
}

/** A path of this site to go back to after a form: never another host. */
export function localPath(value: unknown, fallback: string): string {
  if (typeof value !== 'string' || value.length > 500) return fallback;
  return /^\/(?![/\\])[^\s]*$/.test(value) ? value : fallback;
}
