import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type TFunction } from 'i18next';

export const languages = ['da', 'en', 'de'] as const;
export type Lang = (typeof languages)[number];
export const defaultLang: Lang = 'da';

export const localesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../locales');

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
  void instance.init({
    resources,
    lng: defaultLang,
    fallbackLng: false,
    ns: Object.keys(resources.da),
    defaultNS: 'common',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  } as Parameters<typeof instance.init>[0]);
  ready = true;
}

export type Translate = TFunction;

/** A translator fixed to one language. Views escape output themselves (`<%= %>`). */
export function translator(lang: Lang): Translate {
  ensureReady();
  return instance.getFixedT(lang);
}

/** Formats a class-clock time for people in Denmark, in the page's language. */
export function formatTime(ms: number, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : lang === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Copenhagen',
  }).format(new Date(ms));
}
