import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { citizenStates, lockCodes } from '../../server/citizen/types.ts';
import { languages, readLocales } from '../../server/common/i18n.ts';

const resources = readLocales();

function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return [`${prefix}[${value.length}]`];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
  }
  return [prefix];
}

function allKeys(lang: (typeof languages)[number]): string[] {
  return Object.entries(resources[lang])
    .flatMap(([ns, tree]) => keyPaths(tree).map((key) => `${ns}:${key}`))
    .sort();
}

function sourceFiles(dir: string, ext: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full, ext) : ext.test(entry.name) ? [full] : [];
  });
}

function lookup(lang: (typeof languages)[number], key: string): unknown {
  const [ns, rest] = key.split(':') as [string, string];
  return rest.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resources[lang][ns]);
}

describe('locales', () => {
  it('has the same keys (and list lengths) in Danish, English and German', () => {
    const danish = allKeys('da');
    expect(allKeys('en')).toEqual(danish);
    expect(allKeys('de')).toEqual(danish);
  });

  it('keeps the same {{placeholders}} in every language', () => {
    for (const key of allKeys('da').filter((k) => !k.endsWith(']'))) {
      const placeholders = (lang: (typeof languages)[number]) => (String(lookup(lang, key)).match(/{{\w+}}/g) ?? []).sort();
      expect(placeholders('en'), key).toEqual(placeholders('da'));
      expect(placeholders('de'), key).toEqual(placeholders('da'));
    }
  });

  it('has every key the code and the views ask for, in every language', () => {
    const namespaces = Object.keys(resources.da).join('|');
    const pattern = new RegExp(`['"\`]((?:${namespaces}):[A-Za-z0-9_.]+[A-Za-z0-9_])['"\`]`, 'g');
    const used = new Set<string>();
    for (const file of [...sourceFiles('server', /\.ts$/), ...sourceFiles('views', /\.ejs$/)]) {
      for (const match of fs.readFileSync(file, 'utf8').matchAll(pattern)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].flatMap((key) =>
      languages
        .filter((lang) => lookup(lang, key) === undefined && lookup(lang, `${key}_other`) === undefined)
        .map((lang) => `${lang} ${key}`),
    );
    expect(missing).toEqual([]);
  });

  it('has the keys that the code builds from parts', () => {
    const built = [
      ...[...lockCodes, 'revoked', 'noCard'].map((code) => `login:refused.${code}`),
      ...citizenStates.map((state) => `teacher:states.${state}`),
      ...['mynemid'].map((service) => `login:services.${service}`),
      ...languages.map((lang) => `common:languageName.${lang}`),
      'errors:notFoundTitle',
      'errors:stepOutOfOrderTitle',
    ];
    for (const lang of languages) for (const key of built) expect(lookup(lang, key), `${lang} ${key}`).toBeTypeOf('string');
  });
});
