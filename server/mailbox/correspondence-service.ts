import type { Citizen } from '../citizen/types.ts';
import type { CitizenRepository } from '../citizen/citizen-repository.ts';
import type { ClassClock } from '../common/clock.ts';
import { NotFound } from '../common/errors.ts';
import type { EventLog } from '../common/event-log.ts';
import type { TranslationKey } from '../common/i18n.ts';
import type { InboxService } from './inbox-service.ts';
import type { LetterRepository } from './letter-repository.ts';
import { localised, type MailboxService } from './mailbox-service.ts';
import type { Letter, LetterKind, LocalText, Sender, UploadedAttachment } from './types.ts';

export interface Draft {
  subject: string;
  body: string;
  attachments: UploadedAttachment[];
}

export type ForwardErrors = { to?: string[] };

const emailPattern = /^[^\s@<>"]{1,64}@[^\s@<>"]{1,190}\.[A-Za-z]{2,24}$/;

/**
 * Writing from the mailbox (R12): answering a letter that allows it, writing a new
 * letter to an authority, forwarding to another mailbox or a simulated e-mail address.
 * What the citizen sends is kept in Sent; a sender with an auto-reply answers on the
 * class clock.
 */
export class CorrespondenceService {
  constructor(
    private readonly mailbox: MailboxService,
    private readonly inbox: InboxService,
    private readonly letters: LetterRepository,
    private readonly citizens: CitizenRepository,
    private readonly events: EventLog,
    private readonly clock: ClassClock,
  ) {}

  /** The senders a citizen can write a new letter to (authorities). */
  authorities(citizenId: number): Sender[] {
    return this.mailbox.senders(this.mailbox.citizen(citizenId).classId).filter((sender) => sender.writable);
  }

  private keep(
    citizen: Citizen,
    kind: LetterKind,
    recipient: string,
    subject: LocalText,
    body: LocalText,
    options: { replyTo?: number; attachments?: UploadedAttachment[]; data?: Record<string, unknown> } = {},
  ): number {
    const now = this.mailbox.now(citizen);
    const id = this.letters.insert(
      {
        citizenId: citizen.id,
        channel: 'digital',
        direction: 'out',
        kind,
        senderKey: null,
        senderName: citizen.name,
        recipient,
        subject,
        body,
        answerable: false,
        deadline: null,
        deliveredAt: now,
        replyTo: options.replyTo ?? null,
        data: options.data ?? {},
        createdAt: now,
      },
      options.attachments,
    );
    this.letters.markRead(id, now);
    return id;
  }

  /** A letter the trainee wrote, answered or forwarded (R12). */
  private record(citizen: Citizen, type: string, data: Record<string, unknown>): void {
    this.events.recordFor(citizen, this.clock, { type, rule: 'R12', data });
  }

  private autoReply(citizen: Citizen, sender: Sender, sentId: number): void {
    if (!sender.autoReply) return;
    this.mailbox.deliver(
      citizen.id,
      { sender: sender.key, kind: 'auto-reply', subject: sender.autoReply.subject, body: sender.autoReply.body },
      { at: this.mailbox.now(citizen) + sender.autoReply.afterMs, replyTo: sentId, rule: 'R12' },
    );
  }

  /** Answers a letter; only letters that may be answered can be ("Besvar"). */
  answer(citizenId: number, letterId: number, draft: Omit<Draft, 'subject'>): number {
    const citizen = this.mailbox.citizen(citizenId);
    const letter = this.inbox.letter(citizenId, letterId);
    if (!this.canAnswer(letter)) throw new NotFound();
    const id = this.keep(
      citizen,
      'answer',
      letter.senderName,
      localisedPrefix('mailbox:answer.prefix', letter.subject),
      { da: draft.body },
      {
        replyTo: letter.id,
        attachments: draft.attachments,
      },
    );
    this.letters.markAnswered(letter.id, this.mailbox.now(citizen));
    if (letter.replyTo !== null && letter.kind === 'reminder') this.letters.markAnswered(letter.replyTo, this.mailbox.now(citizen));
    this.record(citizen, 'letter-answered', { letterId: letter.id, sentId: id, attachments: draft.attachments.length });
    const sender = letter.senderKey ? this.mailbox.senders(citizen.classId).find((s) => s.key === letter.senderKey) : undefined;
    if (sender) this.autoReply(citizen, sender, id);
    return id;
  }

  canAnswer(letter: Letter): boolean {
    return letter.direction === 'in' && letter.channel === 'digital' && letter.answerable;
  }

  /** A new letter to an authority of the class's list. */
  write(citizenId: number, senderKey: string, draft: Draft): number {
    const citizen = this.mailbox.citizen(citizenId);
    const sender = this.authorities(citizenId).find((s) => s.key === senderKey);
    if (!sender) throw new NotFound();
    const id = this.keep(
      citizen,
      'new-letter',
      sender.name,
      { da: draft.subject },
      { da: draft.body },
      { attachments: draft.attachments, data: { to: sender.key } },
    );
    this.record(citizen, 'letter-written', { sentId: id, to: sender.key, attachments: draft.attachments.length });
    this.autoReply(citizen, sender, id);
    return id;
  }

  /**
   * Forwards a letter with its attachments: to another mailbox of the same class (by user
   * ID or NemID number) or to a simulated e-mail address. A copy is kept in Sent.
   */
  forward(citizenId: number, letterId: number, rawTo: string): { ok: true; sentId: number } | { ok: false; errors: ForwardErrors } {
    const citizen = this.mailbox.citizen(citizenId);
    const letter = this.inbox.letter(citizenId, letterId);
    const to = rawTo.trim();
    if (to.length === 0) return { ok: false, errors: { to: ['mailbox:forward.errors.missing'] } };
    const subject = localisedPrefix('mailbox:forward.prefix', letter.subject);
    if (to.includes('@')) {
      if (to.length > 254 || !emailPattern.test(to)) return { ok: false, errors: { to: ['mailbox:forward.errors.email'] } };
      const sentId = this.keep(citizen, 'forward', to, subject, letter.body, { replyTo: letter.id, data: { email: true } });
      this.letters.copyAttachments(letter.id, sentId);
      this.record(citizen, 'letter-forwarded', { letterId, to, email: true });
      return { ok: true, sentId };
    }
    const target = this.citizens.findByIdentifier(to);
    if (!target || target.classId !== citizen.classId) return { ok: false, errors: { to: ['mailbox:forward.errors.unknown'] } };
    if (target.id === citizen.id) return { ok: false, errors: { to: ['mailbox:forward.errors.self'] } };
    const copyId = this.mailbox.deliver(
      target.id,
      { sender: citizen.name, kind: 'forward', subject, body: letter.body },
      { senderKind: 'private', actor: 'trainee', rule: 'R12' },
    );
    this.letters.copyAttachments(letter.id, copyId);
    const sentId = this.keep(citizen, 'forward', target.name, subject, letter.body, { replyTo: letter.id, data: { mailbox: true } });
    this.letters.copyAttachments(letter.id, sentId);
    this.record(citizen, 'letter-forwarded', { letterId, to: target.userId ?? target.nemidNumber, email: false });
    return { ok: true, sentId };
  }
}

/** "Svar: …" / "Re: …" / "AW: …": a prefix from the locales before the subject in each language. */
function localisedPrefix(key: TranslationKey, subject: LocalText): LocalText {
  const prefixes = localised(key);
  return {
    da: `${prefixes.da} ${subject.da}`,
    en: `${prefixes.en} ${subject.en ?? subject.da}`,
    de: `${prefixes.de} ${subject.de ?? subject.da}`,
  };
}
