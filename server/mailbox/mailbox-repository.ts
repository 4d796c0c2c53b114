import type { Db } from '../storage/connection.ts';
import type { AutoReply, Folder, Mailbox, Notification, Sender, SenderKind } from './types.ts';

interface RawMailbox {
  citizen_id: number;
  created_at: number;
  exempt: number;
  notify_email: number;
  email: string | null;
  notify_sms: number;
  phone: string | null;
}

interface RawSender {
  key: string;
  name: string;
  kind: SenderKind;
  writable: number;
  auto_reply: string | null;
}

const toMailbox = (raw: RawMailbox): Mailbox => ({
  citizenId: raw.citizen_id,
  createdAt: raw.created_at,
  exempt: raw.exempt === 1,
  notifyEmail: raw.notify_email === 1,
  email: raw.email,
  notifySms: raw.notify_sms === 1,
  phone: raw.phone,
});

const toSender = (raw: RawSender): Sender => ({
  key: raw.key,
  name: raw.name,
  kind: raw.kind,
  writable: raw.writable === 1,
  autoReply: raw.auto_reply === null ? null : (JSON.parse(raw.auto_reply) as AutoReply),
});

/** A notification per letter the statement's WHERE (completed by the caller) selects, dated when the letter arrived. */
const notifyLettersWhere = `INSERT INTO mail_notifications (citizen_id, letter_id, channel, address, text, at)
  SELECT citizen_id, id, @channel, @address,
         json_object('sender', sender_name, 'subject', json(subject), 'paper', json('false')), delivered_at
  FROM letters
  WHERE`;

/** The only place with SQL about mailboxes, folders, notifications, senders and scenario letters. */
export class MailboxRepository {
  private readonly stmts;

  constructor(db: Db) {
    this.stmts = {
      mailbox: db.prepare<[number], RawMailbox>('SELECT * FROM mailboxes WHERE citizen_id = ?'),
      setExempt: db.prepare('UPDATE mailboxes SET exempt = ? WHERE citizen_id = ?'),
      setNotifications: db.prepare('UPDATE mailboxes SET notify_email = ?, email = ?, notify_sms = ?, phone = ? WHERE citizen_id = ?'),
      folders: db.prepare<[number], Folder>(
        'SELECT id, citizen_id AS citizenId, name FROM mail_folders WHERE citizen_id = ? ORDER BY name COLLATE NOCASE, id',
      ),
      folder: db.prepare<[number, number], Folder>(
        'SELECT id, citizen_id AS citizenId, name FROM mail_folders WHERE id = ? AND citizen_id = ?',
      ),
      folderByName: db.prepare<[number, string], Folder>(
        'SELECT id, citizen_id AS citizenId, name FROM mail_folders WHERE citizen_id = ? AND name = ? COLLATE NOCASE',
      ),
      insertFolder: db.prepare('INSERT INTO mail_folders (citizen_id, name, created_at) VALUES (?, ?, ?)'),
      renameFolder: db.prepare('UPDATE mail_folders SET name = ? WHERE id = ?'),
      deleteFolder: db.prepare('DELETE FROM mail_folders WHERE id = ?'),
      // One statement for all the letters a visit finds arrived since the last (500 of them cost 10-20 ms one by one).
      notifyArrived: db.prepare<{ citizenId: number; now: number; channel: 'email' | 'sms'; address: string }>(
        `${notifyLettersWhere} citizen_id = @citizenId AND direction = 'in' AND channel = 'digital' AND delivered_at <= @now AND notified_at IS NULL
           ORDER BY delivered_at, id`,
      ),
      notifyLetter: db.prepare<{ letterId: number; channel: 'email' | 'sms'; address: string }>(
        `${notifyLettersWhere} id = @letterId AND direction = 'in' AND channel = 'digital' AND notified_at IS NULL`,
      ),
      notifications: db.prepare<[number, number], Omit<Notification, never>>(
        `SELECT id, letter_id AS letterId, channel, address, text, at FROM mail_notifications
         WHERE citizen_id = ? AND at <= ? ORDER BY at DESC, id DESC LIMIT 200`,
      ),
      deleteSenders: db.prepare('DELETE FROM mail_senders WHERE class_id = ?'),
      insertSender: db.prepare('INSERT INTO mail_senders (class_id, key, name, kind, writable, auto_reply) VALUES (?, ?, ?, ?, ?, ?)'),
      senders: db.prepare<[number], RawSender>('SELECT * FROM mail_senders WHERE class_id = ? ORDER BY name'),
      sender: db.prepare<[number, string, string], RawSender>(
        'SELECT * FROM mail_senders WHERE class_id = ? AND (key = ? OR name = ? COLLATE NOCASE)',
      ),
      deleteTemplates: db.prepare('DELETE FROM scenario_letters WHERE class_id = ?'),
      insertTemplate: db.prepare('INSERT INTO scenario_letters (class_id, profile_index, profile_count, template) VALUES (?, ?, ?, ?)'),
      // R21 (server/exemption/): senders outside the exemption that the exempt citizen asked for paper post.
      contactedSenders: db.prepare<[number], { sender_key: string }>(
        'SELECT sender_key FROM exemption_contacted_senders WHERE citizen_id = ? ORDER BY contacted_at, sender_key',
      ),
      addContactedSender: db.prepare(
        'INSERT OR IGNORE INTO exemption_contacted_senders (citizen_id, sender_key, contacted_at) VALUES (?, ?, ?)',
      ),
      clearContactedSenders: db.prepare('DELETE FROM exemption_contacted_senders WHERE citizen_id = ?'),
      templatesFor: db.prepare<[number, number], { template: string }>(
        `SELECT template FROM scenario_letters WHERE class_id = ?
           AND (profile_index IS NULL OR ? % profile_count = profile_index) ORDER BY id`,
      ),
    };
  }

  mailbox(citizenId: number): Mailbox | undefined {
    const raw = this.stmts.mailbox.get(citizenId);
    return raw && toMailbox(raw);
  }

  setExempt(citizenId: number, exempt: boolean): void {
    this.stmts.setExempt.run(exempt ? 1 : 0, citizenId);
  }

  setNotifications(citizenId: number, settings: Pick<Mailbox, 'notifyEmail' | 'email' | 'notifySms' | 'phone'>): void {
    this.stmts.setNotifications.run(settings.notifyEmail ? 1 : 0, settings.email, settings.notifySms ? 1 : 0, settings.phone, citizenId);
  }

  folders(citizenId: number): Folder[] {
    return this.stmts.folders.all(citizenId);
  }

  folder(citizenId: number, folderId: number): Folder | undefined {
    return this.stmts.folder.get(folderId, citizenId);
  }

  folderNamed(citizenId: number, name: string): Folder | undefined {
    return this.stmts.folderByName.get(citizenId, name);
  }

  insertFolder(citizenId: number, name: string, at: number): number {
    return Number(this.stmts.insertFolder.run(citizenId, name, at).lastInsertRowid);
  }

  renameFolder(folderId: number, name: string): void {
    this.stmts.renameFolder.run(name, folderId);
  }

  /** Deletes a folder; its letters lose the folder (`ON DELETE SET NULL`), so they are back in the inbox or Sent. */
  deleteFolder(folderId: number): void {
    this.stmts.deleteFolder.run(folderId);
  }

  /**
   * Writes a notification to `address` for each digital letter that has arrived by `now`
   * and was not notified yet, dated when the letter arrived. The caller then marks those
   * letters notified (`LetterRepository.markArrivedNotified`), in the same transaction.
   */
  notifyArrived(citizenId: number, now: number, channel: 'email' | 'sms', address: string): void {
    this.stmts.notifyArrived.run({ citizenId, now, channel, address });
  }

  /** The same for one letter that arrives as it is delivered; the caller then marks it notified. */
  notifyLetter(letterId: number, channel: 'email' | 'sms', address: string): void {
    this.stmts.notifyLetter.run({ letterId, channel, address });
  }

  notifications(citizenId: number, now: number): Notification[] {
    return this.stmts.notifications.all(citizenId, now);
  }

  replaceSenders(classId: number, senders: Sender[]): void {
    this.stmts.deleteSenders.run(classId);
    for (const sender of senders) {
      this.stmts.insertSender.run(
        classId,
        sender.key,
        sender.name,
        sender.kind,
        sender.writable ? 1 : 0,
        sender.autoReply ? JSON.stringify(sender.autoReply) : null,
      );
    }
  }

  senders(classId: number): Sender[] {
    return this.stmts.senders.all(classId).map(toSender);
  }

  /** A sender of the class by its key or its name. */
  sender(classId: number, keyOrName: string): Sender | undefined {
    const raw = this.stmts.sender.get(classId, keyOrName, keyOrName);
    return raw && toSender(raw);
  }

  replaceTemplates(classId: number, templates: { profileIndex: number | null; profileCount: number; template: unknown }[]): void {
    this.stmts.deleteTemplates.run(classId);
    for (const t of templates) this.stmts.insertTemplate.run(classId, t.profileIndex, t.profileCount, JSON.stringify(t.template));
  }

  /** The keys of the senders outside the exemption this citizen has contacted (R21). */
  contactedSenders(citizenId: number): string[] {
    return this.stmts.contactedSenders.all(citizenId).map((row) => row.sender_key);
  }

  /** Records that the citizen contacted this sender; false when they had already. */
  addContactedSender(citizenId: number, senderKey: string, at: number): boolean {
    return this.stmts.addContactedSender.run(citizenId, senderKey, at).changes === 1;
  }

  clearContactedSenders(citizenId: number): void {
    this.stmts.clearContactedSenders.run(citizenId);
  }

  /** The scenario letters for the trainee at this position in the class. */
  templatesFor(classId: number, position: number): unknown[] {
    return this.stmts.templatesFor.all(classId, position).map((row) => JSON.parse(row.template));
  }
}
