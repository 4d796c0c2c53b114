import type { Db } from '../storage/connection.ts';
import type { Statement } from 'better-sqlite3';
import type { Attachment, Channel, Direction, Letter, LetterKind, LetterSummary, NewAttachment } from './types.ts';

interface RawLetter {
  id: number;
  citizen_id: number;
  channel: Channel;
  direction: Direction;
  kind: LetterKind;
  sender_key: string | null;
  sender_name: string;
  recipient: string | null;
  subject: string;
  body: string;
  answerable: number;
  deadline: number | null;
  delivered_at: number;
  read_at: number | null;
  answered_at: number | null;
  reminded_at: number | null;
  folder_id: number | null;
  trashed_at: number | null;
  reply_to: number | null;
  data: string;
}

/** The columns a listing reads: a letter without its text and data, with its number of attachments. */
type RawSummary = Omit<RawLetter, 'body' | 'data'> & { attachment_count: number };

interface RawAttachment {
  id: number;
  letter_id: number;
  filename: string;
  mime: string;
  size: number | null;
  generator: Attachment['generator'];
  spec: string | null;
}

function toSummary(raw: RawSummary): LetterSummary {
  return { ...fieldsOf(raw), attachmentCount: raw.attachment_count };
}

function fieldsOf(raw: Omit<RawLetter, 'body' | 'data'>): Omit<Letter, 'body' | 'data'> {
  return {
    id: raw.id,
    citizenId: raw.citizen_id,
    channel: raw.channel,
    direction: raw.direction,
    kind: raw.kind,
    senderKey: raw.sender_key,
    senderName: raw.sender_name,
    recipient: raw.recipient,
    subject: JSON.parse(raw.subject),
    answerable: raw.answerable === 1,
    deadline: raw.deadline,
    deliveredAt: raw.delivered_at,
    readAt: raw.read_at,
    answeredAt: raw.answered_at,
    remindedAt: raw.reminded_at,
    folderId: raw.folder_id,
    trashedAt: raw.trashed_at,
    replyTo: raw.reply_to,
  };
}

function toLetter(raw: RawLetter): Letter {
  return { ...fieldsOf(raw), body: JSON.parse(raw.body), data: JSON.parse(raw.data) };
}

function toAttachment(raw: RawAttachment): Attachment {
  return {
    id: raw.id,
    letterId: raw.letter_id,
    filename: raw.filename,
    mime: raw.mime,
    size: raw.size,
    generator: raw.generator,
    spec: raw.spec === null ? null : JSON.parse(raw.spec),
  };
}

export type NewLetterRow = Omit<Letter, 'id' | 'readAt' | 'answeredAt' | 'remindedAt' | 'folderId' | 'trashedAt'> & {
  createdAt: number;
};

/** Which letters a listing shows: a box of the mailbox, a folder, or the paper-post tray. */
export type Box = 'inbox' | 'sent' | 'trash' | 'folder' | 'paper';

export interface LetterQuery {
  citizenId: number;
  box: Box;
  folderId?: number;
  search?: string;
  now: number;
  limit: number;
  offset: number;
}

/** Which letters each listing holds (besides the citizen and having arrived). */
const boxConditions: Record<Box, string> = {
  inbox: "channel = 'digital' AND direction = 'in' AND trashed_at IS NULL AND folder_id IS NULL",
  sent: "channel = 'digital' AND direction = 'out' AND trashed_at IS NULL AND folder_id IS NULL",
  trash: "channel = 'digital' AND trashed_at IS NOT NULL",
  folder: "channel = 'digital' AND folder_id = @folderId AND trashed_at IS NULL",
  paper: "channel = 'paper'",
};
const searchCondition = "(sender_name LIKE @search ESCAPE '\\' OR subject LIKE @search ESCAPE '\\' OR recipient LIKE @search ESCAPE '\\')";
// A listing shows no letter's text: reading bodies (and sorting rows that carry them) cost
// most of an inbox page's database time.
const summaryColumns = `id, citizen_id, channel, direction, kind, sender_key, sender_name, recipient, subject, answerable,
  deadline, delivered_at, read_at, answered_at, reminded_at, folder_id, trashed_at, reply_to,
  (SELECT count(*) FROM letter_attachments a WHERE a.letter_id = letters.id) AS attachment_count`;

type ListingStatements = { list: Statement<Record<string, unknown>, RawSummary>; count: Statement<Record<string, unknown>, { n: number }> };

/** One pair of statements per box, with and without a search: each is a plain indexed query. */
function listingStatements(db: Db): Record<Box, { plain: ListingStatements; search: ListingStatements }> {
  const pair = (condition: string): ListingStatements => ({
    list: db.prepare(
      `SELECT ${summaryColumns} FROM letters WHERE ${condition} ORDER BY delivered_at DESC, id DESC LIMIT @limit OFFSET @offset`,
    ),
    count: db.prepare(`SELECT count(*) AS n FROM letters WHERE ${condition}`),
  });
  const of = (box: Box) => {
    const base = `citizen_id = @citizenId AND delivered_at <= @now AND ${boxConditions[box]}`;
    return { plain: pair(base), search: pair(`${base} AND ${searchCondition}`) };
  };
  return { inbox: of('inbox'), sent: of('sent'), trash: of('trash'), folder: of('folder'), paper: of('paper') };
}

/** The only place with SQL about letters and their attachments. */
export class LetterRepository {
  private readonly stmts;
  private readonly listings;

  constructor(private readonly db: Db) {
    this.listings = listingStatements(db);
    this.stmts = {
      insert: db.prepare(
        `INSERT INTO letters (citizen_id, channel, direction, kind, sender_key, sender_name, recipient, subject, body,
           answerable, deadline, delivered_at, reply_to, data, created_at)
         VALUES (@citizenId, @channel, @direction, @kind, @senderKey, @senderName, @recipient, @subject, @body,
           @answerable, @deadline, @deliveredAt, @replyTo, @data, @createdAt)`,
      ),
      insertAttachment: db.prepare(
        `INSERT INTO letter_attachments (letter_id, filename, mime, size, content, generator, spec)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      byId: db.prepare<[number, number], RawLetter>('SELECT * FROM letters WHERE id = ? AND citizen_id = ?'),
      unread: db.prepare<[number, number], { n: number }>(
        `SELECT count(*) AS n FROM letters WHERE citizen_id = ? AND delivered_at <= ? AND channel = 'digital'
           AND direction = 'in' AND read_at IS NULL AND trashed_at IS NULL`,
      ),
      unreadPaper: db.prepare<[number, number], { n: number }>(
        `SELECT count(*) AS n FROM letters WHERE citizen_id = ? AND delivered_at <= ? AND channel = 'paper' AND read_at IS NULL`,
      ),
      withDeadline: db.prepare<[number, number], RawLetter>(
        `SELECT * FROM letters WHERE citizen_id = ? AND delivered_at <= ? AND direction = 'in' AND deadline IS NOT NULL
           AND trashed_at IS NULL ORDER BY deadline, id`,
      ),
      overdueUnreminded: db.prepare<[number, number], RawLetter>(
        `SELECT * FROM letters WHERE citizen_id = ? AND direction = 'in' AND deadline IS NOT NULL AND deadline <= ?
           AND answered_at IS NULL AND reminded_at IS NULL AND kind != 'reminder' ORDER BY deadline, id`,
      ),
      markArrivedNotified: db.prepare<{ citizenId: number; now: number }>(
        `UPDATE letters SET notified_at = @now
           WHERE citizen_id = @citizenId AND direction = 'in' AND delivered_at <= @now AND notified_at IS NULL`,
      ),
      markNotified: db.prepare('UPDATE letters SET notified_at = ? WHERE id = ? AND notified_at IS NULL'),
      all: db.prepare<[number], RawLetter>('SELECT * FROM letters WHERE citizen_id = ? ORDER BY delivered_at, id'),
      markRead: db.prepare('UPDATE letters SET read_at = ? WHERE id = ? AND read_at IS NULL'),
      markAnswered: db.prepare('UPDATE letters SET answered_at = ? WHERE id = ? AND answered_at IS NULL'),
      markReminded: db.prepare('UPDATE letters SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL'),
      move: db.prepare('UPDATE letters SET folder_id = ?, trashed_at = NULL WHERE id = ?'),
      trash: db.prepare('UPDATE letters SET trashed_at = ? WHERE id = ? AND trashed_at IS NULL'),
      emptyTrash: db.prepare<[number, number]>(
        "DELETE FROM letters WHERE citizen_id = ? AND trashed_at IS NOT NULL AND channel = 'digital' AND delivered_at <= ?",
      ),
      setChannel: db.prepare('UPDATE letters SET channel = ? WHERE id = ?'),
      deleteUnarrived: db.prepare<[number, number, number]>('DELETE FROM letters WHERE id = ? AND citizen_id = ? AND delivered_at > ?'),
      attachments: db.prepare<[number], RawAttachment>(
        'SELECT id, letter_id, filename, mime, size, generator, spec FROM letter_attachments WHERE letter_id = ? ORDER BY id',
      ),
      attachment: db.prepare<[number, number], RawAttachment>(
        'SELECT id, letter_id, filename, mime, size, generator, spec FROM letter_attachments WHERE id = ? AND letter_id = ?',
      ),
      copyAttachments: db.prepare(
        `INSERT INTO letter_attachments (letter_id, filename, mime, size, content, generator, spec)
         SELECT ?, filename, mime, size, content, generator, spec FROM letter_attachments WHERE letter_id = ? ORDER BY id`,
      ),
      content: db.prepare<[number], { content: Buffer | null }>('SELECT content FROM letter_attachments WHERE id = ?'),
    };
  }

  insert(row: NewLetterRow, attachments: NewAttachment[] = []): number {
    return this.db.transaction(() => {
      const result = this.stmts.insert.run({
        ...row,
        subject: JSON.stringify(row.subject),
        body: JSON.stringify(row.body),
        answerable: row.answerable ? 1 : 0,
        data: JSON.stringify(row.data),
      });
      const letterId = Number(result.lastInsertRowid);
      for (const attachment of attachments) this.insertAttachment(letterId, attachment);
      return letterId;
    })();
  }

  private insertAttachment(letterId: number, attachment: NewAttachment): void {
    if ('content' in attachment) {
      this.stmts.insertAttachment.run(
        letterId,
        attachment.filename,
        attachment.mime,
        attachment.content.length,
        attachment.content,
        null,
        null,
      );
    } else {
      this.stmts.insertAttachment.run(
        letterId,
        attachment.filename,
        'application/pdf',
        null,
        null,
        attachment.generator,
        JSON.stringify(attachment.spec),
      );
    }
  }

  /** A letter of this citizen (any other citizen's id gives nothing). */
  find(citizenId: number, letterId: number): Letter | undefined {
    const raw = this.stmts.byId.get(letterId, citizenId);
    return raw && toLetter(raw);
  }

  /** A page of a listing, newest first, without the letters' texts. */
  list(query: LetterQuery): LetterSummary[] {
    return this.listing(query).list.all(this.params(query)).map(toSummary);
  }

  count(query: Omit<LetterQuery, 'limit' | 'offset'>): number {
    const params = this.params({ ...query, limit: 0, offset: 0 });
    return this.listing(query).count.get(params)!.n;
  }

  private listing(query: Pick<LetterQuery, 'box' | 'search'>): ListingStatements {
    const statements = this.listings[query.box];
    return query.search?.trim() ? statements.search : statements.plain;
  }

  /** The named values a listing statement uses (SQLite refuses values it does not name). */
  private params(query: LetterQuery): Record<string, unknown> {
    const search = query.search?.trim();
    return {
      citizenId: query.citizenId,
      now: query.now,
      limit: query.limit,
      offset: query.offset,
      ...(query.box === 'folder' ? { folderId: query.folderId ?? null } : {}),
      ...(search ? { search: `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` } : {}),
    };
  }

  unreadCount(citizenId: number, now: number): number {
    return this.stmts.unread.get(citizenId, now)!.n;
  }

  unreadPaperCount(citizenId: number, now: number): number {
    return this.stmts.unreadPaper.get(citizenId, now)!.n;
  }

  withDeadline(citizenId: number, now: number): Letter[] {
    return this.stmts.withDeadline.all(citizenId, now).map(toLetter);
  }

  overdueUnreminded(citizenId: number, now: number): Letter[] {
    return this.stmts.overdueUnreminded.all(citizenId, now).map(toLetter);
  }

  /** Marks every letter that has arrived by `now` as notified (after `MailboxRepository.notifyArrived`). */
  markArrivedNotified(citizenId: number, now: number): void {
    this.stmts.markArrivedNotified.run({ citizenId, now });
  }

  /** Marks one letter notified (after `MailboxRepository.notifyLetter`). */
  markNotified(letterId: number, at: number): void {
    this.stmts.markNotified.run(at, letterId);
  }

  allOf(citizenId: number): Letter[] {
    return this.stmts.all.all(citizenId).map(toLetter);
  }

  /** Deletes a letter of this citizen that has not arrived by `now`; an arrived one stays. */
  deleteUnarrived(citizenId: number, letterId: number, now: number): boolean {
    return this.stmts.deleteUnarrived.run(letterId, citizenId, now).changes === 1;
  }

  markRead(letterId: number, at: number): boolean {
    return this.stmts.markRead.run(at, letterId).changes === 1;
  }

  markAnswered(letterId: number, at: number): void {
    this.stmts.markAnswered.run(at, letterId);
  }

  /** Claims the reminder of an overdue letter; true only for the call that claimed it. */
  markReminded(letterId: number, at: number): boolean {
    return this.stmts.markReminded.run(at, letterId).changes === 1;
  }

  move(letterId: number, folderId: number | null): void {
    this.stmts.move.run(folderId, letterId);
  }

  trash(letterId: number, at: number): void {
    this.stmts.trash.run(at, letterId);
  }

  emptyTrash(citizenId: number, now: number): number {
    return this.stmts.emptyTrash.run(citizenId, now).changes;
  }

  setChannel(letterId: number, channel: Channel): void {
    this.stmts.setChannel.run(channel, letterId);
  }

  attachmentsOf(letterId: number): Attachment[] {
    return this.stmts.attachments.all(letterId).map(toAttachment);
  }

  attachment(letterId: number, attachmentId: number): Attachment | undefined {
    const raw = this.stmts.attachment.get(attachmentId, letterId);
    return raw && toAttachment(raw);
  }

  /** Gives a letter copies of another letter's attachments (a forwarded letter keeps them). */
  copyAttachments(fromLetterId: number, toLetterId: number): void {
    this.stmts.copyAttachments.run(toLetterId, fromLetterId);
  }

  content(attachmentId: number): Buffer | null {
    return this.stmts.content.get(attachmentId)?.content ?? null;
  }
}
