import { describe, expect, it } from 'vitest';
import { issuerReasons, userBlockReasons } from '../../server/blocking/types.ts';
import { citizenStates } from '../../server/citizen/types.ts';
import { languages, translateDataKey, translator } from '../../server/common/i18n.ts';
import { desks } from '../../server/enrolment/types.ts';
import { cardReasons, cardStatuses } from '../../server/keycard/types.ts';

/** The locale keys that blocking and the issuer build from parts, so the locale test cannot see them. */
const built = [
  ...[
    'blocked',
    'unblocked',
    'revoked',
    'password-changed',
    'card-ordered',
    'card-handed-over',
    'temporary-password-sent',
    'temporary-password',
  ].flatMap((kind) => [`blocking:letters.${kind}.subject`, `blocking:letters.${kind}.body`]),
  ...userBlockReasons.flatMap((reason) => [`blocking:reasons.${reason}`, `blocking:phone.reasons.${reason}`]),
  'blocking:phone.reasons.unblock',
  ...issuerReasons.map((reason) => `issuer:reasons.${reason}`),
  ...citizenStates.map((state) => `blocking:states.${state}`),
  ...cardStatuses.map((status) => `blocking:cardStatus.${status}`),
  ...cardReasons.map((reason) => `blocking:cardReason.${reason}`),
  ...['blocked', 'card', 'password'].map((done) => `blocking:account.done.${done}`),
  ...['block', 'revoke', 'unblock', 'card', 'temporary-password'].flatMap((action) => [`issuer:done.${action}`]),
  ...['unblock', 'card', 'temporary-password'].map((action) => `issuer:actions.${action}`),
  ...[
    'greeting.morning',
    'greeting.day',
    'greeting.evening',
    'notConfirmed',
    'goodbyeUnknown',
    'identified',
    'blocked',
    'notBlocked',
    'temporaryLock',
    'canHelp',
    'issuerBlock',
    'revoked',
    'offer',
    'passwordSent',
    'cardSent',
    'cannot',
    'goodbye',
  ].map((line) => `blocking:phone.agent.${line}`),
  ...['LOCK002', 'LOCK003', 'USER'].map((code) => `blocking:phone.agent.blockedBecause.${code}`),
  ...['identify', 'block', 'unblock', 'wantPassword', 'wantCard'].map((line) => `blocking:phone.caller.${line}`),
  ...['temporary-password', 'card'].map((offer) => `blocking:phone.offers.${offer}`),
  ...['agent', 'caller'].map((who) => `blocking:phone.who.${who}`),
  ...desks.map((place) => `blocking:desk.places.${place}`),
  'issuer:refused.operatorOnlyTitle',
];

describe('the texts of blocking and the issuer', () => {
  it('has every key built from parts in Danish, English and German', () => {
    const missing = languages.flatMap((lang) => {
      const t = translator(lang);
      return built
        .filter((key) => translateDataKey(t, key) === key.split(':')[1] || translateDataKey(t, key) === key)
        .map((key) => `${lang} ${key}`);
    });
    expect(missing).toEqual([]);
  });
});
