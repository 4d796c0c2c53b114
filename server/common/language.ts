import type { NextFunction, Request, Response } from 'express';
import { defaultLang, formatTime, isLang, languages, translator } from './i18n.ts';

const oneYear = 365 * 86_400_000;

/**
 * Picks the page language: `?lang=da|en|de` (remembered in a cookie), then the cookie,
 * then Danish. Gives views `t`, `lang`, `time()` and links to the page in each language.
 */
export function languageMiddleware(secureCookies: boolean) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const asked = req.query.lang;
    let lang = isLang(req.cookies?.lang) ? req.cookies.lang : defaultLang;
    if (isLang(asked)) {
      lang = asked;
      res.cookie('lang', asked, { maxAge: oneYear, httpOnly: true, sameSite: 'lax', secure: secureCookies });
    }
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
