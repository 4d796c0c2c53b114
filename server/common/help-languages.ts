import fs from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { i18nextOptions, languages, localesDir, readLocales, translator, type Lang, type Translate } from './i18n.ts';

/**
 * A language the guide, hints and feedback can come in beside Danish screens (the
 * practise-in-Danish mode, server/common/screen-language.ts). English and German are full
 * languages of the sandbox; the others are help languages only: a folder
 * `locales/<code>/` with some of English's namespace files and `_language.json`
 * ({ "name": "العربية", "dir": "rtl", "checkedByNativeSpeaker": false }). A key missing in
 * such a folder is read in English.
 */
export interface HelpLanguage {
  code: string;
  /** The language's name in the language itself, for the language links. */
  name: string;
  dir: 'ltr' | 'rtl';
  /** False when no native speaker has checked the texts: the guide panel says so. */
  checked: boolean;
  t: Translate;
  /** The scenario's own texts ({ da, en?, de? }) have no help-only languages: English then. */
  scenarioLang: Lang;
}

export interface HelpLanguages {
  /** Every help language, English and German first. */
  list: HelpLanguage[];
  get(code: unknown): HelpLanguage | undefined;
  /** True for a help-only language (one with no full UI of its own, e.g. ar). */
  helpOnly(code: unknown): boolean;
}

interface LanguageMeta {
  name?: unknown;
  dir?: unknown;
  checkedByNativeSpeaker?: unknown;
}

const codePattern = /^[a-z]{2,3}$/;

/** Reads one help-only locale folder: its namespaces, and English for every key it lacks. */
function partialLanguage(folder: string, code: string, english: Record<string, Record<string, unknown>>): HelpLanguage | undefined {
  const metaFile = path.join(folder, '_language.json');
  if (!fs.existsSync(metaFile)) return undefined;
  const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as LanguageMeta;
  const own: Record<string, Record<string, unknown>> = {};
  for (const file of fs.readdirSync(folder).filter((name) => name.endsWith('.json') && !name.startsWith('_'))) {
    own[file.replace(/\.json$/, '')] = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8'));
  }
  const instance = i18next.createInstance();
  void instance.init(i18nextOptions({ [code]: own, en: english }, code, 'en', Object.keys(english)));
  return {
    code,
    name: typeof meta.name === 'string' && meta.name ? meta.name : code,
    dir: meta.dir === 'rtl' ? 'rtl' : 'ltr',
    checked: meta.checkedByNativeSpeaker === true,
    t: instance.getFixedT(code),
    scenarioLang: 'en',
  };
}

/**
 * English and German, then every folder of `dirs` (the project's locales/ first) that
 * holds a `_language.json`: a help language is registered only when its folder exists.
 */
export function loadHelpLanguages(dirs: string[] = [localesDir]): HelpLanguages {
  const list: HelpLanguage[] = (['en', 'de'] as const).map((code) => ({
    code,
    name: translator(code)(`common:languageName.${code}`) as string,
    dir: 'ltr',
    checked: true,
    t: translator(code),
    scenarioLang: code,
  }));
  const english = readLocales(localesDir).en;
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) continue;
    for (const code of fs.readdirSync(dir).sort()) {
      if (!codePattern.test(code) || (languages as readonly string[]).includes(code) || list.some((language) => language.code === code))
        continue;
      const language = partialLanguage(path.join(dir, code), code, english);
      if (language) list.push(language);
    }
  }
  const byCode = new Map(list.map((language) => [language.code, language]));
  return {
    list,
    get: (code) => (typeof code === 'string' ? byCode.get(code) : undefined),
    helpOnly: (code) => typeof code === 'string' && byCode.has(code) && !(languages as readonly string[]).includes(code),
  };
}
