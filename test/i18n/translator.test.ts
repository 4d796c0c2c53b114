import { describe, expect, it } from 'vitest';
import { formatTime, translator } from '../../server/common/i18n.ts';

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

  it("formats each time as Danish time in the page's language", () => {
    const summer = Date.UTC(2026, 5, 1, 10, 30);
    const winter = Date.UTC(2026, 11, 1, 10, 30);
    for (let round = 0; round < 3; round += 1) {
      expect(formatTime(summer, 'en')).toContain('12:30');
      expect(formatTime(winter, 'en')).toContain('11:30');
      expect(formatTime(winter, 'de')).toBe('01.12.2026, 11:30');
      expect(formatTime(winter, 'da')).toBe('1. dec. 2026, 11.30');
      expect(formatTime(winter, 'en')).toBe('1 Dec 2026, 11:30');
    }
  });
});
