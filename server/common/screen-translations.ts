import type { Translate } from './i18n.ts';

/** One call of the Danish screen's translator: its key and options, to ask the help language the same. */
export interface TranslationCall {
  key: string;
  rest: unknown[];
}

/** What a page's Danish texts are, by their text (whitespace collapsed). */
export type SeenTexts = Map<string, TranslationCall>;

export interface TooltipLanguage {
  code: string;
  dir: 'ltr' | 'rtl';
  t: Translate;
}

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#34;': '"' };

export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function textOf(inner: string): string {
  return normalise(inner.replace(/<[^>]*>/g, ' ').replace(/&(?:amp|lt|gt|quot|#39|#34);/g, (entity) => entities[entity]!));
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A translator that remembers every text it gave, so that the page's labels can be found again. */
export function recordingTranslator(t: Translate, seen: SeenTexts): Translate {
  const call = t as unknown as (...args: unknown[]) => unknown;
  return ((key: unknown, ...rest: unknown[]) => {
    const text = call(key, ...rest);
    if (typeof key === 'string' && typeof text === 'string') {
      const shown = normalise(text);
      if (shown && !seen.has(shown)) seen.set(shown, { key, rest });
    }
    return text;
  }) as unknown as Translate;
}

const skipped = /\slang=|\sdata-no-tr\b|\sdata-tr\b|\saria-hidden="true"/;

function describedBy(attributes: string, id: string): string {
  const closing = /\s*\/\s*$/.exec(attributes)?.[0] ?? '';
  const open = attributes.slice(0, attributes.length - closing.length);
  const merged = /\saria-describedby="/.test(open)
    ? open.replace(/(\saria-describedby=")([^"]*)"/, (_whole, start: string, ids: string) => `${start}${ids} ${id}"`)
    : `${open} aria-describedby="${id}"`;
  return merged + closing;
}

/**
 * Gives every label, button, link, heading and legend of a Danish page whose text came
 * from the screen's translator a translation in the help language: a `.tr` element after
 * it (shown on hover and focus by site.css, `lang` and `dir` of the help language), tied
 * to the element, or for a label to its field, by `aria-describedby`. The element's own
 * content, and so its accessible name, stays the Danish text.
 */
export function addTranslations(html: string, seen: SeenTexts, help: TooltipLanguage): string {
  let count = 0;
  const translationOf = (text: string): string | undefined => {
    const call = seen.get(text);
    if (!call) return undefined;
    const translated = (help.t as unknown as (...args: unknown[]) => unknown)(call.key, ...call.rest);
    if (typeof translated !== 'string') return undefined;
    const shown = normalise(translated);
    return shown && shown !== text ? shown : undefined;
  };
  const tooltip = (id: string, text: string) =>
    `<span class="tr" id="${id}" role="tooltip" lang="${help.code}" dir="${help.dir}">${escapeHtml(text)}</span>`;
  const fields = new Map<string, string>();

  let out = html.replace(/<(a|button|label)\b([^>]*)>([\s\S]*?)<\/\1>/g, (whole, tag: string, attributes: string, inner: string) => {
    if (skipped.test(attributes)) return whole;
    const translated = translationOf(textOf(inner));
    if (!translated) return whole;
    const id = `tr-${++count}`;
    if (tag !== 'label') return `<${tag}${describedBy(attributes, id)} data-tr>${inner}</${tag}>${tooltip(id, translated)}`;
    const field = /\sfor="([^"]+)"/.exec(attributes)?.[1];
    if (field) fields.set(field, id);
    const content = field
      ? inner
      : inner.replace(
          /<(input|select|textarea)\b([^>]*)>/,
          (_control, control: string, controlAttributes: string) => `<${control}${describedBy(controlAttributes, id)}>`,
        );
    return `<label${attributes} data-tr>${content}</label>${tooltip(id, translated)}`;
  });
  if (fields.size > 0) {
    out = out.replace(/<(input|select|textarea)\b([^>]*)>/g, (whole, control: string, attributes: string) => {
      const id = /\sid="([^"]+)"/.exec(attributes)?.[1];
      const tip = id === undefined ? undefined : fields.get(id);
      return tip ? `<${control}${describedBy(attributes, tip)}>` : whole;
    });
  }
  return out.replace(/<(h[1-6]|legend)\b([^>]*)>([\s\S]*?)<\/\1>/g, (whole, tag: string, attributes: string, inner: string) => {
    if (skipped.test(attributes) || inner.includes(' data-tr')) return whole;
    const translated = translationOf(textOf(inner));
    if (!translated) return whole;
    const id = `tr-${++count}`;
    return `<${tag}${describedBy(attributes, id)} data-tr>${inner}</${tag}>${tooltip(id, translated)}`;
  });
}
