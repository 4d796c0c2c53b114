import type { CitizenRepository } from '../citizen/citizen-repository.ts';
import type { Citizen } from '../citizen/types.ts';
import type { ClassClock } from '../common/clock.ts';
import { NotFound } from '../common/errors.ts';
import type { Actor, EventLog } from '../common/event-log.ts';
import { formatDanishDate } from '../common/danish-time.ts';
import { languages, translator, type Lang, type TranslationKey } from '../common/i18n.ts';
import type { Db } from '../storage/connection.ts';
import type { LetterRepository } from './letter-repository.ts';
import type { MailboxRepository } from './mailbox-repository.ts';
import {
  asLocalText,
  type Channel,
  type Letter,
  type LocalText,
  type Mailbox,
  type NewLetter,
  type Sender,
  type SenderKind,
} from './types.ts';

export interface MailboxDeps {
  db: Db;
  citizens: CitizenRepository;
  clock: ClassClock;
  events: EventLog;
  mailboxes: MailboxRepository;
  letters: LetterRepository;
}

export interface DeliverOptions {
  /** When the letter arrives, on the class clock; later than now means it arrives later. Default: now. */
  at?: number;
  actor?: Actor;
  /** The DOMAIN rule the delivery follows; by default R8 (public), R9 (employer) or R20 (paper while exempt). */
  rule?: string | null;
  /** The kind of an unknown sender (one not in the class's list of senders); default `company`. */
  senderKind?: SenderKind;
  /** Already read, as a scenario may say of an old letter. */
  read?: boolean;
  replyTo?: number | null;
}

/** The same text in every language of the sandbox, from a locale key (for letters the sandbox writes). */
export function localised(
  key: TranslationKey,
  params: Record<string, unknown> | ((lang: Lang) => Record<string, unknown>) = {},
): LocalText {
  const text = {} as LocalText;
  for (const lang of languages) text[lang] = translator(lang)(key, typeof params === 'function' ? params(lang) : params) as string;
  return text;
}

/** A scenario's own text in every language it has, its `{{name}}` places filled in (the values are plain text). */
function fillIn(text: LocalText, params: (lang: Lang) => Record<string, string>): LocalText {
  const filled = {} as LocalText;
  for (const lang of languages) {
    const own = text[lang];
    if (own !== undefined) filled[lang] = own.replace(/\{\{(\w+)\}\}/g, (place, name: string) => params(lang)[name] ?? place);
  }
  return filled;
}

/** The simulated e-mail address notifications go to until the trainee sets one. */
export function defaultEmail(citizen: Pick<Citizen, 'userId' | 'nemidNumber'>): string {
  return `${citizen.userId ?? citizen.nemidNumber}@post.sandbox.invalid`;
}

/**
 * Digital Post (R8-R12): delivers letters to a citizen's digital mailbox, or to the
 * paper-post tray (the letterbox at home) when the citizen is exempt (R16-R21) or the
 * sender posts on paper. A delivery time in the future on the class clock is allowed:
 * the letter appears when the clock passes it (and its notification is written then).
 */
export class MailboxService {
  /** Called for every delivered letter, e.g. the bank pays a payslip's net pay in. */
  private readonly deliveredListeners: ((letter: Letter, citizen: Citizen) => void)[] = [];

  constructor(private readonly deps: MailboxDeps) {}

  onDelivered(listener: (letter: Letter, citizen: Citizen) => void): void {
    this.deliveredListeners.push(listener);
  }

  citizen(citizenId: number): Citizen {
    const citizen = this.deps.citizens.findById(citizenId);
    if (!citizen) throw new NotFound();
    return citizen;
  }

  now(citizen: Pick<Citizen, 'classId'>): number {
    return this.deps.clock.now(citizen.classId);
  }

  /** The citizen's mailbox (R8: it exists from the moment the citizen has a NemID). */
  mailboxOf(citizenId: number): Mailbox {
    const mailbox = this.deps.mailboxes.mailbox(citizenId);
    if (!mailbox) throw new NotFound();
    return mailbox;
  }

  /** Every letter that has arrived by now, digital and paper, in and out, oldest first. */
  arrivedLetters(citizenId: number): Letter[] {
    const now = this.now(this.citizen(citizenId));
    return this.deps.letters.allOf(citizenId).filter((letter) => letter.deliveredAt <= now);
  }

  /** Takes back a letter that has not arrived yet on the citizen's class clock; one that has arrived stays. */
  withdrawUnarrived(citizenId: number, letterId: number): boolean {
    return this.deps.letters.deleteUnarrived(citizenId, letterId, this.now(this.citizen(citizenId)));
  }

  /**
   * Brings a mailbox up to its class clock: an overdue letter not answered gets its
   * reminder (R10, arriving at the deadline), and every letter that has arrived gets its
   * simulated e-mail/SMS notification. Pages and the CLI call this before they list.
   * All of it is one transaction: the first visit after 500 letters arrived writes 500
   * notifications with one commit, not 1,000.
   */
  refresh(citizenId: number): void {
    const citizen = this.citizen(citizenId);
    this.deps.db.transaction(() => this.bringUpToDate(citizen))();
  }

  private bringUpToDate(citizen: Citizen): void {
    const citizenId = citizen.id;
    const now = this.now(citizen);
    for (const overdue of this.deps.letters.overdueUnreminded(citizenId, now)) {
      if (!this.deps.letters.markReminded(overdue.id, now)) continue;
      // The reminder gives as long again as the letter gave, and says until when as a date.
      const deadline = overdue.deadline! + Math.max(0, overdue.deadline! - overdue.deliveredAt);
      const params = (lang: Lang) => ({
        subject: overdue.subject[lang] ?? overdue.subject.da,
        sender: overdue.senderName,
        deadline: formatDanishDate(deadline, lang),
      });
      const own = overdue.data.reminder as { subject: LocalText; body: LocalText } | undefined;
      this.deliver(
        citizenId,
        {
          sender: overdue.senderKey ?? overdue.senderName,
          kind: 'reminder',
          subject: own ? fillIn(own.subject, params) : localised('mailbox:reminder.subject', params),
          body: own ? fillIn(own.body, params) : localised('mailbox:reminder.body', params),
          answerable: overdue.answerable,
          deadline,
        },
        { at: overdue.deadline!, rule: 'R10', replyTo: overdue.id },
      );
    }
    const mailbox = this.mailboxOf(citizenId);
    if (mailbox.notifyEmail) this.deps.mailboxes.notifyArrived(citizenId, now, 'email', mailbox.email ?? defaultEmail(citizen));
    if (mailbox.notifySms && mailbox.phone) this.deps.mailboxes.notifyArrived(citizenId, now, 'sms', mailbox.phone);
    this.deps.letters.markArrivedNotified(citizenId, now);
  }

  /**
   * The notification of a letter that arrives as it is delivered, written with the
   * letter: the trainee's next page then has nothing to write, however many letters a
   * teacher or the CLI just sent. A letter dated later is notified by `refresh` once the
   * class clock passes it; so is one delivered before its mailbox exists.
   */
  private notifyOnArrival(citizen: Citizen, letterId: number, at: number): void {
    const mailbox = this.deps.mailboxes.mailbox(citizen.id);
    if (!mailbox) return;
    if (mailbox.notifyEmail) this.deps.mailboxes.notifyLetter(letterId, 'email', mailbox.email ?? defaultEmail(citizen));
    if (mailbox.notifySms && mailbox.phone) this.deps.mailboxes.notifyLetter(letterId, 'sms', mailbox.phone);
    this.deps.letters.markNotified(letterId, at);
  }

  /** The class's sender with this key or name; an unknown one is shown under the name given. */
  senderFor(classId: number, keyOrName: string, kind: SenderKind = 'company'): Sender {
    return this.deps.mailboxes.sender(classId, keyOrName) ?? { key: '', name: keyOrName, kind, writable: false, autoReply: null };
  }

  senders(classId: number): Sender[] {
    return this.deps.mailboxes.senders(classId);
  }

  /**
   * Delivers a letter: digitally to the mailbox, or as paper post when the citizen is
   * exempt and the sender is a public one the exemption covers (R20, R21). Returns the
   * letter id and writes one event.
   */
  deliver(citizenId: number, letter: NewLetter, options: DeliverOptions = {}): number {
    const citizen = this.citizen(citizenId);
    const sender = this.senderFor(citizen.classId, letter.sender, options.senderKind);
    const channel: Channel = this.postsOnPaper(citizenId, sender) ? 'paper' : 'digital';
    const rule = options.rule !== undefined ? options.rule : channel === 'paper' ? 'R20' : sender.kind === 'employer' ? 'R9' : 'R8';
    return this.put(citizen, letter, sender, channel, rule, options);
  }

  /** Sends a letter on paper, straight to the paper-post tray (e.g. a temporary password from the issuer). */
  sendPaperPost(citizenId: number, letter: NewLetter, options: DeliverOptions = {}): number {
    const citizen = this.citizen(citizenId);
    const sender = this.senderFor(citizen.classId, letter.sender, options.senderKind ?? 'issuer');
    return this.put(citizen, letter, sender, 'paper', options.rule ?? null, options);
  }

  // ---- Exemption from Digital Post (R19-R21). server/exemption/ decides; these move the letters. ----

  /** Whether this sender's letters go on paper now: the citizen is exempt and the sender is public (R20) or was contacted (R21). */
  postsOnPaper(citizenId: number, sender: Sender): boolean {
    if (!this.deps.mailboxes.mailbox(citizenId)?.exempt) return false;
    return sender.kind === 'public' || (sender.key !== '' && this.deps.mailboxes.contactedSenders(citizenId).includes(sender.key));
  }

  /**
   * Registers an exemption (R19): from now on covered senders post on paper, and their
   * unread letters that arrived since `since` (or have not arrived yet) go to the
   * paper-post tray. Returns the ids of the letters moved.
   */
  registerExemption(citizenId: number, since: number): number[] {
    this.deps.mailboxes.setExempt(citizenId, true);
    return this.moveLetters(
      citizenId,
      'digital',
      'paper',
      (letter) => letter.readAt === null && letter.trashedAt === null && letter.deliveredAt >= since,
    );
  }

  /** Ends an exemption (R20): contacted senders are forgotten and letters not yet arrived come digitally again. */
  endExemption(citizenId: number): number[] {
    const now = this.now(this.citizen(citizenId));
    const moved = this.moveLetters(citizenId, 'paper', 'digital', (letter) => letter.deliveredAt > now);
    this.deps.mailboxes.setExempt(citizenId, false);
    this.deps.mailboxes.clearContactedSenders(citizenId);
    return moved;
  }

  /** R21: the exempt citizen contacted a sender outside the exemption; its letters not yet arrived go on paper too. */
  contactSender(citizenId: number, senderKey: string, at: number): number[] {
    this.deps.mailboxes.addContactedSender(citizenId, senderKey, at);
    const now = this.now(this.citizen(citizenId));
    return this.moveLetters(citizenId, 'digital', 'paper', (letter) => letter.senderKey === senderKey && letter.deliveredAt > now);
  }

  /** When the next paper letter on its way arrives (the post takes working days), or null when none is on its way. */
  /** Paper post on its way to the citizen's letterbox, soonest first. */
  paperPostOnItsWay(citizenId: number): Letter[] {
    const now = this.now(this.citizen(citizenId));
    return this.deps.letters
      .allOf(citizenId)
      .filter((letter) => letter.channel === 'paper' && letter.deliveredAt > now)
      .sort((a, b) => a.deliveredAt - b.deliveredAt || a.id - b.id);
  }

  nextPaperPostAt(citizenId: number): number | null {
    const now = this.now(this.citizen(citizenId));
    const coming = this.deps.letters.allOf(citizenId).filter((letter) => letter.channel === 'paper' && letter.deliveredAt > now);
    return coming.length === 0 ? null : Math.min(...coming.map((letter) => letter.deliveredAt));
  }

  contactedSenders(citizenId: number): string[] {
    return this.deps.mailboxes.contactedSenders(citizenId);
  }

  private moveLetters(citizenId: number, from: Channel, to: Channel, wanted: (letter: Letter) => boolean): number[] {
    const citizen = this.citizen(citizenId);
    const moved: number[] = [];
    for (const letter of this.deps.letters.allOf(citizenId)) {
      if (letter.direction !== 'in' || letter.channel !== from || !wanted(letter)) continue;
      const sender = this.senderFor(citizen.classId, letter.senderKey ?? letter.senderName);
      if (to === 'paper' && !this.postsOnPaper(citizenId, sender)) continue;
      if (to === 'digital' && sender.kind !== 'public' && !this.deps.mailboxes.contactedSenders(citizenId).includes(sender.key)) continue;
      this.deps.letters.setChannel(letter.id, to);
      moved.push(letter.id);
    }
    return moved;
  }

  private put(citizen: Citizen, letter: NewLetter, sender: Sender, channel: Channel, rule: string | null, options: DeliverOptions): number {
    const now = this.now(citizen);
    const at = options.at ?? now;
    const id = this.deps.letters.insert(
      {
        citizenId: citizen.id,
        channel,
        direction: 'in',
        kind: letter.kind ?? 'letter',
        senderKey: sender.key || null,
        senderName: sender.name,
        recipient: null,
        subject: asLocalText(letter.subject),
        body: asLocalText(letter.body),
        answerable: letter.answerable ?? false,
        deadline: letter.deadline ?? null,
        deliveredAt: at,
        replyTo: options.replyTo ?? null,
        data: letter.data ?? {},
        createdAt: now,
      },
      letter.attachments,
    );
    if (options.read) this.deps.letters.markRead(id, at);
    if (at <= now) this.notifyOnArrival(citizen, id, now);
    this.deps.events.record({
      classId: citizen.classId,
      citizenId: citizen.id,
      actor: options.actor ?? 'system',
      type: channel === 'paper' ? 'paper-post-sent' : 'letter-delivered',
      rule,
      data: {
        letterId: id,
        kind: letter.kind ?? 'letter',
        sender: sender.name,
        senderKind: sender.kind,
        subject: asLocalText(letter.subject).da,
        deliveredAt: at,
      },
      at: now,
    });
    const stored = this.deps.letters.find(citizen.id, id)!;
    for (const listener of this.deliveredListeners) listener(stored, citizen);
    return id;
  }
}
