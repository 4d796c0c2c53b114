import type { Citizen } from '../citizen/types.ts';
import { formatTime, translateDataKey, translator, type Lang, type TranslationKey } from '../common/i18n.ts';
import type { MailboxService } from '../mailbox/mailbox-service.ts';
import type { LocalText } from '../mailbox/types.ts';

/** The issuer's key in the class's list of senders (seed/senders.yaml). */
export const issuerSender = 'nemid';

/** What the issuer writes to a NemID holder about. */
export type NoticeKind =
  'blocked' | 'unblocked' | 'revoked' | 'password-changed' | 'card-ordered' | 'card-handed-over' | 'temporary-password-sent';

/**
 * The letters the issuer writes. Every change to a NemID is told to its owner in the
 * digital mailbox (ASVS 2.2.3), so someone else's change does not go unnoticed; a
 * temporary password travels on paper only. Each letter is written in Danish, as the
 * issuer writes, and in the citizen's own language.
 */
export class IssuerLetters {
  constructor(private readonly mailbox: Pick<MailboxService, 'deliver' | 'sendPaperPost'>) {}

  /** `reasonKey` is translated into `reason`; a `time...` value (ms on the class clock) is written as a date. */
  private text(citizen: Citizen, key: TranslationKey, params: Record<string, unknown>): LocalText {
    const render = (lang: Lang): string => {
      const t = translator(lang);
      const values: Record<string, unknown> = { ...params };
      if (typeof params.reasonKey === 'string') values.reason = translateDataKey(t, params.reasonKey);
      for (const [name, value] of Object.entries(params)) {
        if (name.startsWith('time') && typeof value === 'number') values[name] = formatTime(value, lang);
      }
      return t(key, values) as string;
    };
    const text: LocalText = { da: render('da') };
    if (citizen.lang !== 'da') text[citizen.lang] = render(citizen.lang);
    return text;
  }

  /** A notice in the digital mailbox; it arrives whatever the state of the NemID (R13). */
  notify(citizen: Citizen, kind: NoticeKind, params: Record<string, unknown> = {}): number {
    const withName = { name: citizen.name, ...params };
    return this.mailbox.deliver(
      citizen.id,
      {
        sender: issuerSender,
        subject: this.text(citizen, `blocking:letters.${kind}.subject`, withName),
        body: this.text(citizen, `blocking:letters.${kind}.body`, withName),
        kind: 'notice',
      },
      { senderKind: 'issuer', actor: 'system', rule: 'R13' },
    );
  }

  /** A key card sent by post: the envelope in the letterbox, from the day the card arrives. */
  keyCard(citizen: Citizen, cardNumber: string, at: number): number {
    const params = { name: citizen.name, cardNumber };
    return this.mailbox.sendPaperPost(
      citizen.id,
      {
        sender: issuerSender,
        subject: this.text(citizen, 'blocking:letters.key-card.subject', params),
        body: this.text(citizen, 'blocking:letters.key-card.body', params),
        kind: 'notice',
        data: { keyCard: cardNumber },
      },
      { at, actor: 'system', rule: 'R4' },
    );
  }

  /** The temporary password on paper, in the paper-post tray from `at` on the class clock. */
  temporaryPassword(citizen: Citizen, password: string, at: number): number {
    const params = { name: citizen.name, password, nemidNumber: citizen.nemidNumber, timeSent: at };
    return this.mailbox.sendPaperPost(
      citizen.id,
      {
        sender: issuerSender,
        subject: this.text(citizen, 'blocking:letters.temporary-password.subject', params),
        body: this.text(citizen, 'blocking:letters.temporary-password.body', params),
        kind: 'notice',
      },
      { at, actor: 'system', rule: 'R13' },
    );
  }
}
