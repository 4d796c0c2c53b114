import fs from 'node:fs';
import path from 'node:path';
import i18next, { type CustomTypeOptions, type InitOptions, type ParseKeys, type Services, type TFunction } from 'i18next';
import { formatDanishTime } from './danish-time.ts';
import { projectRoot } from './project-root.ts';

export const languages = ['da', 'en', 'de'] as const;
export type Lang = (typeof languages)[number];
export const defaultLang: Lang = 'da';

export const localesDir = path.join(projectRoot, 'locales');

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** Reads locales/<lang>/<namespace>.json: one namespace per domain of the app. */
export function readLocales(dir = localesDir): Record<Lang, Record<string, Record<string, unknown>>> {
  const resources = {} as Record<Lang, Record<string, Record<string, unknown>>>;
  for (const lang of languages) {
    resources[lang] = {};
    for (const file of fs.readdirSync(path.join(dir, lang)).filter((name) => name.endsWith('.json'))) {
      resources[lang][file.replace(/\.json$/, '')] = JSON.parse(fs.readFileSync(path.join(dir, lang, file), 'utf8'));
    }
  }
  return resources;
}

const instance = i18next.createInstance();
let ready = false;

function ensureReady(): void {
  if (ready) return;
  const resources = readLocales();
  void instance.init({ ...i18nextOptions(resources, defaultLang, false, Object.keys(resources.da)), supportedLngs: [...languages] });
  ready = true;
}

/** The i18next services of the app's languages (language codes and which are supported), for the language detector. */
export function i18nServices(): Services {
  ensureReady();
  return instance.services;
}

/** The options of every i18next instance here: synchronous, views escape, namespaces as locale files. */
export function i18nextOptions(
  resources: Record<string, Record<string, Record<string, unknown>>>,
  lng: string,
  fallbackLng: string | false,
  ns: string[],
): InitOptions {
  return {
    resources,
    lng,
    fallbackLng,
    ns,
    defaultNS: 'common',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  } as InitOptions;
}

/**
 * Every namespace (locale file), so that `t('mailbox:inbox.unread')` is checked against
 * locales/da/mailbox.json; common first, as a key without a namespace is looked up there.
 */
type Namespaces = ['common', ...Exclude<keyof CustomTypeOptions['resources'], 'common'>[]];
export type Translate = TFunction<Namespaces>;

/** A translation key of locales/da (`namespace:path.to.text`); tsc rejects any other. */
export type TranslationKey = ParseKeys<Namespaces>;

/**
 * t() of a key that comes from data (a scenario file, a validation result, a letter's
 * parameters), which tsc cannot check: the locale tests prove such keys exist in every language.
 */
export function translateDataKey(t: Translate, key: string, values?: Record<string, unknown>): string {
  const untyped = t as unknown as (key: string, values?: Record<string, unknown>) => string;
  return values === undefined ? untyped(key) : untyped(key, values);
}

const translators = new Map<Lang, Translate>();

/** The cache key of a call whose values are all plain (strings, numbers, booleans), else undefined. */
function plainCallKey(key: string, values: unknown): string | undefined {
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return undefined;
  let cacheKey = key;
  for (const [name, value] of Object.entries(values)) {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
    cacheKey += `\u0000${name}\u0000${String(value)}`;
  }
  return cacheKey;
}

/**
 * A translator fixed to one language. Views escape output themselves (`<%= %>`). A call is
 * looked up once per key and plain values: i18next takes some 10-20 µs a call and a page
 * makes dozens (the texts never change while the server runs).
 */
export function translator(lang: Lang): Translate {
  ensureReady();
  let translate = translators.get(lang);
  if (!translate) {
    const fixed = instance.getFixedT(lang);
    const known = new Map<string, unknown>();
    const call = fixed as unknown as (...args: unknown[]) => unknown;
    translate = ((key: unknown, ...rest: unknown[]) => {
      const cacheKey = typeof key !== 'string' || rest.length > 1 ? undefined : rest.length === 0 ? key : plainCallKey(key, rest[0]);
      if (cacheKey === undefined) return call(key, ...rest);
      let text = known.get(cacheKey);
      if (text === undefined) {
        text = call(key, ...rest);
        if (known.size >= 20_000) known.clear();
        known.set(cacheKey, text);
      }
      return text;
    }) as unknown as Translate;
    translators.set(lang, translate);
  }
  return translate;
}

/** Formats a class-clock time for people in Denmark, in the page's language. */
export function formatTime(ms: number, lang: Lang): string {
  return formatDanishTime(ms, lang);
}
