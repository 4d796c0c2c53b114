import type { NextFunction, Request, Response } from 'express';
import type { HelpLanguage, HelpLanguages } from './help-languages.ts';
import { formatTime, languages, translator, type Lang, type Translate } from './i18n.ts';
import { languageAsked, languageChosen } from './language.ts';
import { addTranslations, recordingTranslator, type SeenTexts } from './screen-translations.ts';
import { inLang, type ScenarioText } from './scenario-text.ts';

/**
 * The practise-in-Danish mode: a trainee whose language is not Danish sees every trainee
 * page as the real NemID and Digital Post were, in Danish, with the guide, hints and
 * feedback in their own language (the help language) and a translation of each label,
 * button, link and heading on hover and focus. "Everything in English" (or German) stays
 * a choice. Teacher, issuer and facilitator pages keep the chosen language.
 */
export const screenChoices = ['danish', 'full'] as const;
export type ScreenChoice = (typeof screenChoices)[number];

const screensCookie = 'screens';
const helpCookie = 'help';
const oneYear = 365 * 86_400_000;

declare module 'express-session' {
  interface SessionData {
    /** The trainee's choice of Danish screens with help, or everything in their language. */
    screens?: ScreenChoice;
    /** A help-only language (e.g. ar) chosen in this browser. */
    helpLang?: string;
  }
}

/** The help panel's language, for views: `helpT`, `helpInLang` and the `lang`/`dir` of help elements. */
export interface HelpModel {
  code: string;
  dir: 'ltr' | 'rtl';
  name: string;
  checked: boolean;
  /** "Not yet checked by a native speaker" in English, beside the help language's own words. */
  notCheckedEnglish: string;
}

/** Pages of teachers, issuer operators and workshop facilitators: never in the Danish mode. */
export function isStaffPage(path: string): boolean {
  if (path === '/workshop/quiz') return false; // the workshop's quiz is answered by participants
  return /^\/(?:teacher|issuer|workshop)(?:\/|$)/.test(path);
}

function isChoice(value: unknown): value is ScreenChoice {
  return typeof value === 'string' && (screenChoices as readonly string[]).includes(value);
}

/** The screen choice asked for in this request (`?screens=`), else remembered (cookie, then session); Danish screens by default. */
export function screenChoice(req: Request, res: Response, secure: boolean): ScreenChoice {
  const asked = req.query.screens;
  if (isChoice(asked)) {
    res.cookie(screensCookie, asked, { maxAge: oneYear, httpOnly: true, sameSite: 'lax', secure });
    if (req.session) req.session.screens = asked;
    return asked;
  }
  const remembered = req.cookies?.[screensCookie];
  if (isChoice(remembered)) return remembered;
  return req.session?.screens ?? 'danish';
}

/** A help-only language asked for with `?lang=ar` (remembered), forgotten when `?lang=da|en|de` is asked. */
export function helpOnlyChoice(req: Request, res: Response, help: HelpLanguages, secure: boolean): HelpLanguage | undefined {
  const asked = req.query.lang;
  if (help.helpOnly(asked)) {
    res.cookie(helpCookie, asked, { maxAge: oneYear, httpOnly: true, sameSite: 'lax', secure });
    if (req.session) req.session.helpLang = asked as string;
    return help.get(asked);
  }
  if (languageAsked(req)) {
    if (req.cookies?.[helpCookie] !== undefined) res.clearCookie(helpCookie);
    if (req.session?.helpLang) delete req.session.helpLang;
    return undefined;
  }
  const remembered = req.cookies?.[helpCookie];
  if (help.helpOnly(remembered)) return help.get(remembered);
  return help.helpOnly(req.session?.helpLang) ? help.get(req.session!.helpLang) : undefined;
}

function setPageLanguage(res: Response, lang: Lang, t: Translate = translator(lang)): void {
  res.locals.lang = lang;
  res.locals.t = t;
  res.locals.time = (ms: number) => formatTime(ms, lang);
}

/**
 * After the language middleware (its detector tells whether this browser chose a page
 * language) and the session. `traineeLang` gives the language of the
 * trainee signed in here (the teacher's class sets it per trainee, as on the printouts):
 * it counts when this browser has chosen no language of its own.
 */
export function screenLanguageMiddleware(
  help: HelpLanguages,
  secureCookies: boolean,
  traineeLang: (req: Request) => Lang | undefined = () => undefined,
) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const helpOnly = helpOnlyChoice(req, res, help, secureCookies);
    const choice = screenChoice(req, res, secureCookies);
    res.locals.help = null;
    res.locals.helpT = res.locals.t;
    res.locals.helpInLang = (text: ScenarioText) => inLang(text, res.locals.lang as Lang);
    res.locals.screenSwitch = null;
    if (isStaffPage(req.path)) return next();

    let lang = res.locals.lang as Lang;
    if (!helpOnly && !languageChosen(req)) {
      const own = traineeLang(req);
      if (own && own !== lang) setPageLanguage(res, (lang = own));
    }
    const url = new URL(req.originalUrl, 'http://sandbox.invalid');
    url.searchParams.delete('screens');
    const linkTo = (params: Record<string, string>) => {
      const target = new URL(url);
      target.searchParams.delete('lang');
      for (const [name, value] of Object.entries(params)) target.searchParams.set(name, value);
      return target.pathname + target.search;
    };
    const current = helpOnly?.code ?? lang;
    res.locals.languageLinks = [
      ...languages,
      ...help.list.filter((language) => help.helpOnly(language.code)).map((language) => language.code),
    ].map((code) => ({
      code,
      href: linkTo({ lang: code }),
      current: code === current,
      name: help.helpOnly(code) ? help.get(code)!.name : undefined,
    }));
    if (current === 'da') return next();

    const language = helpOnly ?? help.get(lang)!;
    const danish = !helpOnly && choice === 'full' ? false : true;
    const fullLang: Lang = helpOnly ? 'en' : lang;
    res.locals.screenSwitch = {
      label: { text: language.t('common:screens.nav'), lang: language.code, dir: language.dir },
      links: [
        {
          href: linkTo(helpOnly ? { lang: helpOnly.code, screens: 'danish' } : { screens: 'danish' }),
          text: language.t('common:screens.danish', { language: language.name }),
          lang: language.code,
          dir: language.dir,
          current: danish,
        },
        {
          href: linkTo(helpOnly ? { lang: 'en', screens: 'full' } : { screens: 'full' }),
          text: translator(fullLang)('common:screens.full'),
          lang: fullLang,
          dir: 'ltr',
          current: !danish,
        },
      ],
    };
    if (!danish) return next();

    const seen: SeenTexts = new Map();
    setPageLanguage(res, 'da', recordingTranslator(translator('da'), seen));
    const model: HelpModel = {
      code: language.code,
      dir: language.dir,
      name: language.name,
      checked: language.checked,
      notCheckedEnglish: translator('en')('guide:panel.notChecked') as string,
    };
    res.locals.help = model;
    res.locals.helpT = language.t;
    res.locals.helpInLang = (text: ScenarioText) => inLang(text, language.scenarioLang);
    const render = res.render.bind(res);
    res.render = ((
      view: string,
      options?: object | ((error: Error, html: string) => void),
      callback?: (error: Error | null, html?: string) => void,
    ) => {
      const done = typeof options === 'function' ? options : callback;
      render(view, typeof options === 'function' ? {} : (options ?? {}), (error: Error | null, html?: string) => {
        const annotated = error || html === undefined ? html : addTranslations(html, seen, language);
        if (done) return done(error as Error, annotated as string);
        if (error) return (req.next ?? next)(error);
        res.send(annotated);
      });
    }) as typeof res.render;
    next();
  };
}
