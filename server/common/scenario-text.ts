import type { Lang } from './i18n.ts';

/** A text of a scenario file: Danish, or Danish with English and German. */
export type ScenarioText = string | { da: string; en?: string; de?: string };

/** The text in the page's language, or in Danish when the scenario has no translation. */
export function inLang(text: ScenarioText, lang: Lang): string {
  return typeof text === 'string' ? text : (text[lang] ?? text.da);
}
