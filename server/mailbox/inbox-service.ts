import type { ClassClock } from '../common/clock.ts';
import { NotFound } from '../common/errors.ts';
import type { EventLog } from '../common/event-log.ts';
import type { Box, LetterRepository } from './letter-repository.ts';
import type { MailboxRepository } from './mailbox-repository.ts';
import type { MailboxService } from './mailbox-service.ts';
import type { Attachment, Folder, Letter, LetterSummary, Mailbox, Notification } from './types.ts';

export const pageSize = 20;

/** What the mailbox's menu shows beside every page (partials/nav): unread counts and the folders. */
export interface Menu {
  unread: number;
  unreadPaper: number;
  folders: Folder[];
  now: number;
}

export interface Listing extends Menu {
  box: Box;
  folder: Folder | null;
  search: string;
  letters: LetterSummary[];
  total: number;
  page: number;
  pages: number;
  /** With a search: the other boxes and folders that hold matching letters, and how many. */
  elsewhere: Elsewhere[];
}

/** Another box or folder where a search also finds letters. */
export interface Elsewhere {
  box: Box;
  folder: Folder | null;
  count: number;
}

export type FolderErrors = { name?: string[] };

/**
 * Reading and keeping letters: listings with search and pages, opening (marks read,
 * R10), attachments, folders, the trash, deadlines and the notification log. Every
 * letter, attachment and folder id is looked up together with the citizen's id, so
 * another trainee's id is simply not found (404).
 */
export class InboxService {
  constructor(
    private readonly mailbox: MailboxService,
    private readonly letters: LetterRepository,
    private readonly mailboxes: MailboxRepository,
    private readonly events: EventLog,
    private readonly clock: ClassClock,
  ) {}

  private record(citizenId: number, type: string, rule: string | null, data: Record<string, unknown>): void {
    this.events.recordFor(this.mailbox.citizen(citizenId), this.clock, { type, rule, data });
  }

  list(citizenId: number, query: { box: Box; folderId?: number; search?: string; page?: number }): Listing {
    const menu = this.menu(citizenId);
    const now = menu.now;
    const folder = query.box === 'folder' ? this.folder(citizenId, query.folderId ?? 0) : null;
    const search = (query.search ?? '').trim().slice(0, 100);
    const filter = { citizenId, box: query.box, folderId: folder?.id, search, now };
    const total = this.letters.count(filter);
    const pages = Math.max(1, Math.ceil(total / pageSize));
    const page = Math.min(Math.max(1, Math.floor(query.page ?? 1)), pages);
    return {
      ...menu,
      box: query.box,
      folder,
      search,
      letters: this.letters.list({ ...filter, limit: pageSize, offset: (page - 1) * pageSize }),
      total,
      page,
      pages,
      elsewhere: search ? this.elsewhere(citizenId, search, now, menu.folders, query.box, folder) : [],
    };
  }

  /**
   * The menu's counts and folders alone, for the pages beside a listing (a letter, the
   * folders, writing): without the listing's page of letters and its total, which with a
   * full mailbox cost more than the rest of the menu. `refreshed`: the caller has just
   * brought the mailbox up to date (`open` does).
   */
  menu(citizenId: number, options: { refreshed?: boolean } = {}): Menu {
    if (!options.refreshed) this.mailbox.refresh(citizenId);
    const now = this.mailbox.now(this.mailbox.citizen(citizenId));
    return {
      unread: this.letters.unreadCount(citizenId, now),
      unreadPaper: this.letters.unreadPaperCount(citizenId, now),
      folders: this.mailboxes.folders(citizenId),
      now,
    };
  }

  /** Every other box and folder where the search finds letters, in the order of the mailbox's menu. */
  private elsewhere(citizenId: number, search: string, now: number, folders: Folder[], box: Box, current: Folder | null): Elsewhere[] {
    const places: { box: Box; folder: Folder | null }[] = [
      { box: 'inbox', folder: null },
      { box: 'sent', folder: null },
      ...folders.map((folder) => ({ box: 'folder' as const, folder })),
      { box: 'trash', folder: null },
      { box: 'paper', folder: null },
    ];
    return places
      .filter((place) => place.box !== box || (box === 'folder' && place.folder!.id !== current?.id))
      .map((place) => ({ ...place, count: this.letters.count({ citizenId, box: place.box, folderId: place.folder?.id, search, now }) }))
      .filter((place) => place.count > 0);
  }

  /** A letter of this citizen that has arrived; anything else is not found. */
  letter(citizenId: number, letterId: number): Letter {
    const letter = this.letters.find(citizenId, letterId);
    if (!letter || letter.deliveredAt > this.mailbox.now(this.mailbox.citizen(citizenId))) throw new NotFound();
    return letter;
  }

  /** Opens a letter: the first opening marks it read and records when (R10). */
  open(citizenId: number, letterId: number): { letter: Letter; attachments: Attachment[] } {
    this.mailbox.refresh(citizenId);
    const letter = this.letter(citizenId, letterId);
    if (letter.direction === 'in' && letter.readAt === null) {
      const now = this.mailbox.now(this.mailbox.citizen(citizenId));
      if (this.letters.markRead(letter.id, now)) this.record(citizenId, 'letter-read', 'R10', { letterId: letter.id });
      letter.readAt = now;
    }
    return { letter, attachments: this.letters.attachmentsOf(letter.id) };
  }

  attachment(
    citizenId: number,
    letterId: number,
    attachmentId: number,
  ): { letter: Letter; attachment: Attachment; content: Buffer | null } {
    const letter = this.letter(citizenId, letterId);
    const attachment = this.letters.attachment(letter.id, attachmentId);
    if (!attachment) throw new NotFound();
    return { letter, attachment, content: attachment.generator ? null : this.letters.content(attachment.id) };
  }

  attachmentsOf(letterId: number): Attachment[] {
    return this.letters.attachmentsOf(letterId);
  }

  folder(citizenId: number, folderId: number): Folder {
    const folder = this.mailboxes.folder(citizenId, folderId);
    if (!folder) throw new NotFound();
    return folder;
  }

  folders(citizenId: number): Folder[] {
    return this.mailboxes.folders(citizenId);
  }

  private folderNameErrors(citizenId: number, name: string, except?: number): FolderErrors {
    if (name.length === 0) return { name: ['mailbox:folders.errors.missing'] };
    if (name.length > 40) return { name: ['mailbox:folders.errors.tooLong'] };
    const same = this.mailboxes.folderNamed(citizenId, name);
    if (same && same.id !== except) return { name: ['mailbox:folders.errors.taken'] };
    return {};
  }

  createFolder(citizenId: number, rawName: string): { ok: true; folderId: number } | { ok: false; errors: FolderErrors } {
    const name = rawName.trim();
    const errors = this.folderNameErrors(citizenId, name);
    if (errors.name) return { ok: false, errors };
    const folderId = this.mailboxes.insertFolder(citizenId, name, this.mailbox.now(this.mailbox.citizen(citizenId)));
    this.record(citizenId, 'folder-created', 'R12', { folderId, name });
    return { ok: true, folderId };
  }

  renameFolder(citizenId: number, folderId: number, rawName: string): { ok: true } | { ok: false; errors: FolderErrors } {
    const folder = this.folder(citizenId, folderId);
    const name = rawName.trim();
    const errors = this.folderNameErrors(citizenId, name, folder.id);
    if (errors.name) return { ok: false, errors };
    this.mailboxes.renameFolder(folder.id, name);
    this.record(citizenId, 'folder-renamed', 'R12', { folderId, from: folder.name, to: name });
    return { ok: true };
  }

  /** How many letters are in a folder now (they go back to the inbox, or Sent, when it is deleted). */
  folderLetterCount(citizenId: number, folderId: number): number {
    const folder = this.folder(citizenId, folderId);
    return this.letters.count({ citizenId, box: 'folder', folderId: folder.id, now: this.mailbox.now(this.mailbox.citizen(citizenId)) });
  }

  /**
   * Deletes one of the citizen's own folders; its letters go back to the inbox (letters
   * the citizen sent, to Sent). The inbox, Sent and the trash are not folders and cannot
   * be deleted: any id but the citizen's own folder's is not found.
   */
  deleteFolder(citizenId: number, folderId: number): number {
    const folder = this.folder(citizenId, folderId);
    const letters = this.folderLetterCount(citizenId, folder.id);
    this.mailboxes.deleteFolder(folder.id);
    this.record(citizenId, 'folder-deleted', 'R12', { folderId: folder.id, name: folder.name, letters });
    return letters;
  }

  /** How many letters emptying the trash would delete for good. */
  trashCount(citizenId: number): number {
    return this.letters.count({ citizenId, box: 'trash', now: this.mailbox.now(this.mailbox.citizen(citizenId)) });
  }

  /** Moves a letter to a folder, or back to the inbox (or Sent) with `null`; also takes it out of the trash. */
  move(citizenId: number, letterId: number, folderId: number | null): void {
    const letter = this.letter(citizenId, letterId);
    if (letter.channel !== 'digital') throw new NotFound();
    if (folderId !== null) this.folder(citizenId, folderId);
    this.letters.move(letter.id, folderId);
    this.record(citizenId, 'letter-moved', 'R12', { letterId, folderId });
  }

  trash(citizenId: number, letterId: number): void {
    const letter = this.letter(citizenId, letterId);
    if (letter.channel !== 'digital') throw new NotFound();
    this.letters.trash(letter.id, this.mailbox.now(this.mailbox.citizen(citizenId)));
    this.record(citizenId, 'letter-deleted', 'R12', { letterId });
  }

  emptyTrash(citizenId: number): number {
    const removed = this.letters.emptyTrash(citizenId, this.mailbox.now(this.mailbox.citizen(citizenId)));
    this.record(citizenId, 'trash-emptied', 'R12', { removed });
    return removed;
  }

  /** Letters with an answer deadline, soonest first, each marked overdue or not (R10). */
  deadlines(citizenId: number): { letter: Letter; overdue: boolean }[] {
    this.mailbox.refresh(citizenId);
    const now = this.mailbox.now(this.mailbox.citizen(citizenId));
    return this.letters
      .withDeadline(citizenId, now)
      .map((letter) => ({ letter, overdue: letter.answeredAt === null && letter.deadline! <= now }));
  }

  notifications(citizenId: number): { mailbox: Mailbox; log: Notification[] } {
    this.mailbox.refresh(citizenId);
    const now = this.mailbox.now(this.mailbox.citizen(citizenId));
    return { mailbox: this.mailbox.mailboxOf(citizenId), log: this.mailboxes.notifications(citizenId, now) };
  }

  saveNotificationSettings(citizenId: number, settings: Pick<Mailbox, 'notifyEmail' | 'email' | 'notifySms' | 'phone'>): void {
    this.mailboxes.setNotifications(citizenId, settings);
    this.record(citizenId, 'notification-settings', 'R10', { ...settings });
  }
}
