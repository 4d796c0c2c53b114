import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translator, type TranslationKey } from '../../server/common/i18n.ts';

/**
 * The keys of t() are typed from locales/da (server/common/i18next-keys.d.ts), so that
 * `npx tsc --noEmit` (run by npm test) fails on a mistyped key: each `@ts-expect-error`
 * below is itself an error when the line under it compiles.
 */
describe('typed translation keys', () => {
  it('accepts a key of locales/da, with its namespace', () => {
    const key: TranslationKey = 'mailbox:inbox.unread';
    expect(translator('en')(key, { count: 2 })).toBe('You have 2 unread letters.');
    expect(translator('da')('common:logout')).toBe('Log af');
  });

  it('rejects a mistyped key or namespace at compile time (at run time i18next gives the key back)', () => {
    const t = translator('en');
    // @ts-expect-error: locales/da/mailbox.json has inbox.unread, not inbox.unred
    expect(t('mailbox:inbox.unred')).toBe('inbox.unred');
    // @ts-expect-error: there is no namespace mailboks
    expect(t('mailboks:inbox.unread')).toBe('inbox.unread');
    // @ts-expect-error: a key without its namespace is looked up in common, which has no inbox
    expect(t('inbox.unread')).toBe('inbox.unread');
  });

  it('types every namespace of locales/da, so a new one cannot slip past tsc', () => {
    const declared = fs.readFileSync('server/common/i18next-keys.d.ts', 'utf8');
    const typed = [...declared.matchAll(/^ {6}([a-z]+): typeof \1;$/gm)].map((match) => match[1]);
    const namespaces = fs
      .readdirSync('locales/da')
      .filter((file) => file.endsWith('.json'))
      .map((file) => file.replace(/\.json$/, ''));
    expect(typed.sort()).toEqual(namespaces.sort());
  });
});
