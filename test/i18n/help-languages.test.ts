import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { languages, localesDir, readLocales } from '../../server/common/i18n.ts';

/**
 * The help languages (docs/translations.md): the guide and hints, and part of the labels, in
 * the languages trainees in Danish language schools often speak. Each file holds a subset of
 * the English keys, so a missing key falls back to English key by key.
 */
const helpLanguages = ['ar', 'pl', 'tr', 'uk'] as const;
const directions: Record<(typeof helpLanguages)[number], 'rtl' | 'ltr'> = { ar: 'rtl', pl: 'ltr', tr: 'ltr', uk: 'ltr' };

/**
 * Strings that may read exactly as in English: names and codes, and words the language spells
 * the same (Polish "Folder"), never sentences.
 */
const sameAsEnglish: Record<string, readonly string[]> = {
  all: ['mailbox:title', 'login:services.post', 'mailbox:notifications.channels.sms'],
  pl: ['mailbox:nav.folder', 'mailbox:boxes.folder'],
};

function mayReadAsEnglish(lang: string, key: string): boolean {
  return [...sameAsEnglish.all!, ...(sameAsEnglish[lang] ?? [])].includes(key);
}

type Tree = Record<string, unknown>;
type Leaf = { key: string; value: unknown };

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Every string and every list, by its dotted key (lists are leaves: translated whole). */
function leaves(value: unknown, prefix = ''): Leaf[] {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
  }
  return [{ key: prefix, value }];
}

function lookup(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Tree)[part] : undefined), tree);
}

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/**
 * The English string a help-language key stands for. A plural form the English does not have
 * (Arabic `_few`, Polish `_many`) stands for the English `_other`, if the language has that form.
 */
function englishFor(lang: string, english: unknown, key: string): unknown {
  const direct = lookup(english, key);
  if (direct !== undefined) return direct;
  const match = pluralSuffix.exec(key);
  if (!match) return undefined;
  const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories as string[];
  if (!categories.includes(match[1]!)) return undefined;
  return lookup(english, key.replace(pluralSuffix, '_other'));
}

function placeholders(value: unknown): string[] {
  const texts = Array.isArray(value) ? value.map(String) : [String(value)];
  return [...new Set(texts.flatMap((text) => text.match(/{{\w+}}/g) ?? []))].sort();
}

function helpFiles(lang: string): string[] {
  return fs.readdirSync(path.join(localesDir, lang)).filter((name) => name.endsWith('.json') && name !== '_language.json');
}

describe('the right-to-left stylesheet (public/css/help-languages.css)', () => {
  it('styles only elements marked dir="rtl", so the Danish screens stay as they are', () => {
    const css = fs.readFileSync('public/css/help-languages.css', 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const selectors = [...css.matchAll(/([^{}]+)\{[^{}]*\}/g)].flatMap((rule) => rule[1]!.split(',').map((selector) => selector.trim()));
    expect(selectors.length).toBeGreaterThan(5);
    expect(selectors.filter((selector) => !selector.includes('[dir="rtl"]'))).toEqual([]);
  });
});

describe('help languages', () => {
  it('are the locale folders beside Danish, English and German, and the app does not load them as UI languages', () => {
    const folders = fs.readdirSync(localesDir).filter((name) => !(languages as readonly string[]).includes(name));
    expect(folders.sort()).toEqual([...helpLanguages].sort());
    expect(Object.keys(readLocales()).sort()).toEqual([...languages].sort());
  });

  for (const lang of helpLanguages) {
    describe(lang, () => {
      it('says its own name, its direction and that no native speaker has checked it yet', () => {
        const meta = readJson(path.join(localesDir, lang, '_language.json')) as Tree;
        expect(Object.keys(meta).sort()).toEqual(['checkedByNativeSpeaker', 'dir', 'name']);
        expect(meta.name).toBeTypeOf('string');
        expect(String(meta.name).trim().length).toBeGreaterThan(1);
        expect(meta.dir).toBe(directions[lang]);
        expect(meta.checkedByNativeSpeaker).toBeTypeOf('boolean');
      });

      it('has only keys that English has, of the same type and list length, with the same {{placeholders}}', () => {
        const files = helpFiles(lang);
        expect(files).toContain('guide.json');
        const problems: string[] = [];
        for (const file of files) {
          const ns = file.replace(/\.json$/, '');
          const englishFile = path.join(localesDir, 'en', file);
          if (!fs.existsSync(englishFile)) {
            problems.push(`${ns}: no English namespace of that name`);
            continue;
          }
          const english = readJson(englishFile);
          for (const { key, value } of leaves(readJson(path.join(localesDir, lang, file)))) {
            const source = englishFor(lang, english, key);
            const where = `${ns}:${key}`;
            if (source === undefined) problems.push(`${where}: not an English key`);
            else if (Array.isArray(source) !== Array.isArray(value) || (!Array.isArray(source) && typeof source !== typeof value)) {
              problems.push(
                `${where}: ${Array.isArray(value) ? 'list' : typeof value} where English has ${Array.isArray(source) ? 'a list' : typeof source}`,
              );
            } else if (Array.isArray(source) && Array.isArray(value) && source.length !== value.length) {
              problems.push(`${where}: ${value.length} items where English has ${source.length}`);
            } else if (Array.isArray(value) && value.some((item) => typeof item !== 'string' || item.trim() === '')) {
              problems.push(`${where}: a list item that is not a text`);
            } else if (typeof value === 'string' && value.trim() === '') {
              problems.push(`${where}: empty`);
            } else if (placeholders(value).join() !== placeholders(source).join()) {
              problems.push(
                `${where}: placeholders ${placeholders(value).join() || 'none'}, English ${placeholders(source).join() || 'none'}`,
              );
            }
          }
        }
        expect(problems).toEqual([]);
      });

      it('translates the whole guide', () => {
        const guide = readJson(path.join(localesDir, lang, 'guide.json'));
        const missing = leaves(readJson(path.join(localesDir, 'en', 'guide.json')))
          .map(({ key }) => key)
          .filter((key) => lookup(guide, key) === undefined);
        expect(missing).toEqual([]);
      });

      it('quotes only Danish words that the Danish screens show', () => {
        const danish = Object.values(readLocales().da)
          .map((tree) => JSON.stringify(tree))
          .join('\n')
          .toLowerCase();
        const guide = JSON.stringify(readJson(path.join(localesDir, lang, 'guide.json')));
        const quoted = [...guide.matchAll(/[«„“]([^«»„“”]+)[»”]/g)]
          .map((match) => match[1]!)
          .filter((text) => /^[\p{Script=Latin}\d\s-]+$/u.test(text));
        expect(quoted.length).toBeGreaterThan(10);
        expect(quoted.filter((text) => !danish.includes(text.toLowerCase()))).toEqual([]);
      });

      it('leaves no text in English, apart from the listed names and codes', () => {
        const untranslated: string[] = [];
        for (const file of helpFiles(lang)) {
          const ns = file.replace(/\.json$/, '');
          const english = readJson(path.join(localesDir, 'en', file));
          for (const { key, value } of leaves(readJson(path.join(localesDir, lang, file)))) {
            const source = englishFor(lang, english, key);
            const pairs = Array.isArray(value) && Array.isArray(source) ? value.map((item, i) => [item, source[i]]) : [[value, source]];
            if (pairs.some(([mine, theirs]) => mine === theirs) && !mayReadAsEnglish(lang, `${ns}:${key}`))
              untranslated.push(`${ns}:${key}`);
          }
        }
        expect(untranslated).toEqual([]);
      });
    });
  }
});
