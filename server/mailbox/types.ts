import type { Lang } from '../common/i18n.ts';

/** A text in Danish, with English and German translations where the sender gives them. */
export interface LocalText {
  da: string;
  en?: string;
  de?: string;
}

/** The text in the reader's language, Danish when no translation was given. */
export function textIn(text: LocalText, lang: Lang): string {
  return text[lang] ?? text.da;
}

export function asLocalText(text: string | LocalText): LocalText {
  return typeof text === 'string' ? { da: text } : text;
}

/** Where a letter lies: the digital mailbox, or the paper-post tray (the letterbox at home). */
export type Channel = 'digital' | 'paper';
export type Direction = 'in' | 'out';

/** What a letter is, for the pages that treat some kinds specially. */
export type LetterKind =
  | 'letter'
  | 'payslip'
  | 'tax-assessment'
  | 'signature-request'
  | 'reminder'
  | 'auto-reply'
  | 'answer'
  | 'new-letter'
  | 'forward'
  | 'notice';

/**
 * The kind of sender decides what an exemption from Digital Post changes (R16, R21):
 * only `public` senders switch to paper post; the others keep sending digitally.
 */
export type SenderKind = 'public' | 'public-digital' | 'employer' | 'company' | 'private' | 'issuer' | 'fraud';

export interface Sender {
  key: string;
  name: string;
  kind: SenderKind;
  /** The citizen may write a new letter to this sender (an authority, R12). */
  writable: boolean;
  autoReply: AutoReply | null;
}

/** A letter a sender sends back on its own, some time after a letter from the citizen. */
export interface AutoReply {
  afterMs: number;
  subject: LocalText;
  body: LocalText;
}

/** A PDF the sandbox draws when it is opened, from a generator and its data. */
export interface GeneratedAttachment {
  filename: string;
  generator: AttachmentGenerator;
  spec: Record<string, unknown>;
}

export type AttachmentGenerator = 'document' | 'payslip' | 'tax-assessment' | 'contract';

/** A file the citizen uploaded (PDF, PNG or JPEG). */
export interface UploadedAttachment {
  filename: string;
  mime: string;
  content: Buffer;
}

export type NewAttachment = GeneratedAttachment | UploadedAttachment;

/** A letter to deliver. `sender` is a key of the class's senders or any name to show. */
export interface NewLetter {
  sender: string;
  subject: string | LocalText;
  body: string | LocalText;
  kind?: LetterKind;
  answerable?: boolean;
  /** Answer deadline on the class clock (R10). */
  deadline?: number | null;
  attachments?: NewAttachment[];
  /** Extra facts a kind needs, e.g. a payslip's net pay (paid into the bank). */
  data?: Record<string, unknown>;
}

export interface Letter {
  id: number;
  citizenId: number;
  channel: Channel;
  direction: Direction;
  kind: LetterKind;
  senderKey: string | null;
  senderName: string;
  recipient: string | null;
  subject: LocalText;
  body: LocalText;
  answerable: boolean;
  deadline: number | null;
  deliveredAt: number;
  readAt: number | null;
  answeredAt: number | null;
  remindedAt: number | null;
  folderId: number | null;
  trashedAt: number | null;
  replyTo: number | null;
  data: Record<string, unknown>;
}

/** What a listing shows of a letter: all but its text and data, and how many attachments it has (the paperclip). */
export type LetterSummary = Omit<Letter, 'body' | 'data'> & { attachmentCount: number };

export interface Attachment {
  id: number;
  letterId: number;
  filename: string;
  mime: string;
  size: number | null;
  generator: AttachmentGenerator | null;
  spec: Record<string, unknown> | null;
}

export interface Mailbox {
  citizenId: number;
  createdAt: number;
  exempt: boolean;
  notifyEmail: boolean;
  email: string | null;
  notifySms: boolean;
  phone: string | null;
}

export interface Folder {
  id: number;
  citizenId: number;
  name: string;
}

export interface Notification {
  id: number;
  letterId: number | null;
  channel: 'email' | 'sms';
  address: string;
  text: string;
  at: number;
}
