import { describe, expect, it } from 'vitest';
import { translator } from '../../server/common/i18n.ts';

describe('the translator of a language', () => {
  it('gives each call its own values and plural, however often the same text is asked', () => {
    const t = translator('en');
    for (let round = 0; round < 3; round += 1) {
      expect(t('mailbox:inbox.unread', { count: 1 })).toBe('You have 1 unread letter.');
      expect(t('mailbox:inbox.unread', { count: 4 })).toBe('You have 4 unread letters.');
      expect(t('mailbox:nav.folder', { name: 'Skat' })).toContain('Skat');
      expect(t('mailbox:nav.folder', { name: 'Bolig' })).toContain('Bolig');
      expect(t('mailbox:nav.folder', { name: 'Bolig' })).not.toContain('Skat');
    }
  });

  it('keeps the languages apart', () => {
    expect(translator('da')('mailbox:inbox.unread', { count: 2 })).not.toBe(translator('en')('mailbox:inbox.unread', { count: 2 }));
    expect(translator('de')('common:logout')).not.toBe(translator('en')('common:logout'));
  });
});
