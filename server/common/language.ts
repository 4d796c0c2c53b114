import type { NextFunction, Request, Response } from 'express';
import { LanguageDetector } from 'i18next-http-middleware';
import { defaultLang, formatTime, i18nServices, isLang, languages, translator, type Lang } from './i18n.ts';

/** Where the page language is looked for, first found wins: `?lang=`, then the `lang` cookie (Danish when neither). */
export const detectionOrder = ['querystring', 'cookie'] as const;

/** The detector's verdict on a request, kept on it by i18next-http-middleware. */
type Detected = Request & { i18nextLookupName?: (typeof detectionOrder)[number] };

/** True when this request or an earlier one in this browser chose a page language (`?lang=` now or the cookie). */
export function languageChosen(req: Request): boolean {
  return (req as Detected).i18nextLookupName !== undefined;
}

/** True when this request asks for a page language itself (`?lang=da|en|de`). */
export function languageAsked(req: Request): boolean {
  return (req as Detected).i18nextLookupName === 'querystring';
}

/**
 * i18next's own language detector, set to the sandbox's ways: only da, en and de exactly as
 * written (no `en-GB` -> `en`, no `EN`), no Accept-Language header (the training pages are
 * Danish, as NemID's were, until someone picks another language), and the cookie written
 * only when `?lang=` asked for a language. A help-only language (`?lang=ar`) is not a page
 * language: screen-language.ts reads it.
 */
function detector(secureCookies: boolean): LanguageDetector {
  const options = {
    order: [...detectionOrder],
    lookupQuerystring: 'lang',
    lookupCookie: 'lang',
    caches: ['cookie'],
    cookieSameSite: 'lax',
    cookieHttpOnly: true,
    cookieSecure: secureCookies,
    ignoreCase: false,
    convertDetectedLanguage: (code: string) => (isLang(code) ? code : ''),
  };
  return new LanguageDetector(i18nServices(), options, { fallbackLng: defaultLang });
}

/** Picks the page language (see `detectionOrder`). Gives views `t`, `lang`, `time()` and links to the page in each language. */
export function languageMiddleware(secureCookies: boolean) {
  const languageDetector = detector(secureCookies);
  return (req: Request, res: Response, next: NextFunction): void => {
    // detect() returns the code found (its typings say void).
    const detected: unknown = languageDetector.detect(req, res, [...detectionOrder]);
    const lang: Lang = isLang(detected) ? detected : defaultLang;
    if (languageAsked(req)) languageDetector.cacheUserLanguage(req, res, lang, ['cookie']);
    const url = new URL(req.originalUrl, 'http://sandbox.invalid');
    res.locals.lang = lang;
    res.locals.t = translator(lang);
    res.locals.time = (ms: number) => formatTime(ms, lang);
    res.locals.languageLinks = languages.map((code) => {
      url.searchParams.set('lang', code);
      return { code, href: url.pathname + url.search, current: code === lang };
    });
    next();
  };
}
