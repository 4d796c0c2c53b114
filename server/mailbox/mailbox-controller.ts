import type { Request, Response } from 'express';
import { NotFound } from '../common/errors.ts';
import type { Lang } from '../common/i18n.ts';
import { formText } from '../web/form.ts';
import { paths } from '../paths.ts';
import { formatBody } from './body-format.ts';
import type { DigitalPost } from '../context.ts';
import { renderAttachmentPdf } from './letter-pdf.ts';
import type { Box } from './letter-repository.ts';
import { idFrom } from '../web/ids.ts';
import { textIn } from './types.ts';

const me = (req: Request): number => req.session.citizenId!;

function idParam(req: Request, name = 'id'): number {
  const id = idFrom(req.params[name]);
  if (id === undefined) throw new NotFound();
  return id;
}

/** The letter pages of the mailbox: boxes, a letter, its attachments, folders and the trash. */
export function mailboxController(post: DigitalPost) {
  const { inbox, correspondence, signatures } = post;

  const showBox = (box: Box) => (req: Request, res: Response) => {
    const folderId = box === 'folder' ? idParam(req) : undefined;
    const listing = inbox.list(me(req), {
      box,
      folderId,
      search: typeof req.query.q === 'string' ? req.query.q : '',
      page: Number(typeof req.query.page === 'string' ? req.query.page : 1) || 1,
    });
    const base =
      box === 'folder'
        ? paths.post.folder(folderId!)
        : { inbox: paths.post.inbox, sent: paths.post.sent, trash: paths.post.trash, paper: paths.letterbox.home }[box];
    const pageLink = (page: number) =>
      `${base}?${new URLSearchParams({ ...(listing.search ? { q: listing.search } : {}), page: String(page) })}`;
    res.render('mailbox/list', { listing, base, pageLink, notice: typeof req.query.done === 'string' ? req.query.done : null });
  };

  return {
    inbox: showBox('inbox'),
    sent: showBox('sent'),
    trash: showBox('trash'),
    folder: showBox('folder'),

    letter(req: Request, res: Response): void {
      const citizenId = me(req);
      const { letter, attachments } = inbox.open(citizenId, idParam(req));
      const lang = res.locals.lang as Lang;
      res.render('mailbox/letter', {
        letter,
        listing: inbox.menu(citizenId, { refreshed: true }),
        subject: textIn(letter.subject, lang),
        blocks: formatBody(textIn(letter.body, lang)),
        attachments,
        canAnswer: correspondence.canAnswer(letter),
        folders: inbox.folders(citizenId),
        verification: letter.kind === 'signature-request' ? signatures.verify(citizenId, letter.id) : undefined,
        original: letter.replyTo !== null ? safeLetter(() => inbox.letter(citizenId, letter.replyTo!)) : undefined,
        notice: typeof req.query.done === 'string' ? req.query.done : null,
        forwardErrors: {},
        forwardTo: '',
      });
    },

    async attachment(req: Request, res: Response): Promise<void> {
      const citizenId = me(req);
      const { letter, attachment, content } = inbox.attachment(citizenId, idParam(req), idParam(req, 'attachmentId'));
      const signature = letter.kind === 'signature-request' ? signatures.signatureOf(citizenId, letter.id) : undefined;
      const body = content ?? (await renderAttachmentPdf(letter, attachment, res.locals.lang as Lang, post.citizen(citizenId), signature));
      const download = req.query.download === '1';
      res.setHeader('Content-Type', attachment.mime);
      res.setHeader('Content-Disposition', `${download ? 'attachment' : 'inline'}; filename="${attachment.filename.replace(/"/g, '')}"`);
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.send(body);
    },

    move(req: Request, res: Response): void {
      const letterId = idParam(req);
      const target = formText(req.body, 'folder');
      inbox.move(me(req), letterId, target === 'inbox' ? null : (idFrom(target) ?? -1));
      res.redirect(303, `${paths.post.letter(letterId)}?done=moved`);
    },

    remove(req: Request, res: Response): void {
      inbox.trash(me(req), idParam(req));
      res.redirect(303, `${paths.post.inbox}?done=deleted`);
    },

    /** Emptying the trash cannot be undone: a page says how many letters go for good, and asks. */
    confirmEmptyTrash(req: Request, res: Response): void {
      const citizenId = me(req);
      const count = inbox.trashCount(citizenId);
      if (count === 0) {
        res.redirect(303, paths.post.trash);
        return;
      }
      res.render('mailbox/confirm', {
        listing: inbox.menu(citizenId),
        heading: 'mailbox:confirm.emptyTrash.heading',
        lines: [
          { key: 'mailbox:confirm.emptyTrash.lost', params: { count } },
          { key: 'mailbox:confirm.emptyTrash.undo', params: {} },
        ],
        action: paths.post.emptyTrash,
        button: 'mailbox:confirm.emptyTrash.button',
        cancel: paths.post.trash,
      });
    },

    emptyTrash(req: Request, res: Response): void {
      inbox.emptyTrash(me(req));
      res.redirect(303, `${paths.post.trash}?done=emptied`);
    },

    folders(req: Request, res: Response): void {
      const citizenId = me(req);
      res.render('mailbox/folders', {
        listing: inbox.menu(citizenId),
        errors: {},
        name: '',
        renaming: null,
        notice: typeof req.query.done === 'string' ? req.query.done : null,
      });
    },

    createFolder(req: Request, res: Response): void {
      const citizenId = me(req);
      const name = formText(req.body, 'name').slice(0, 200);
      const result = inbox.createFolder(citizenId, name);
      if (!result.ok) {
        res
          .status(400)
          .render('mailbox/folders', { listing: inbox.menu(citizenId), errors: result.errors, name, renaming: null, notice: null });
        return;
      }
      res.redirect(303, `${paths.post.folders}?done=created`);
    },

    renameFolder(req: Request, res: Response): void {
      const citizenId = me(req);
      const folderId = idParam(req);
      const name = formText(req.body, `name-${folderId}`).slice(0, 200);
      const result = inbox.renameFolder(citizenId, folderId, name);
      if (!result.ok) {
        res.status(400).render('mailbox/folders', {
          listing: inbox.menu(citizenId),
          errors: { [`name-${folderId}`]: result.errors.name! },
          name: '',
          renaming: { id: folderId, name },
          notice: null,
        });
        return;
      }
      res.redirect(303, `${paths.post.folders}?done=renamed`);
    },

    /** Deleting a folder keeps its letters: the page says they go back to the inbox, and asks. */
    confirmDeleteFolder(req: Request, res: Response): void {
      const citizenId = me(req);
      const folder = inbox.folder(citizenId, idParam(req));
      const count = inbox.folderLetterCount(citizenId, folder.id);
      res.render('mailbox/confirm', {
        listing: inbox.menu(citizenId),
        heading: 'mailbox:confirm.deleteFolder.heading',
        headingParams: { name: folder.name },
        lines: [
          count > 0
            ? { key: 'mailbox:confirm.deleteFolder.letters', params: { count, name: folder.name } }
            : { key: 'mailbox:confirm.deleteFolder.empty', params: { name: folder.name } },
          { key: 'mailbox:confirm.deleteFolder.kept', params: {} },
        ],
        action: paths.post.deleteFolder(folder.id),
        button: 'mailbox:confirm.deleteFolder.button',
        cancel: paths.post.folders,
      });
    },

    deleteFolder(req: Request, res: Response): void {
      inbox.deleteFolder(me(req), idParam(req));
      res.redirect(303, `${paths.post.folders}?done=folderDeleted`);
    },

    deadlines(req: Request, res: Response): void {
      const citizenId = me(req);
      res.render('mailbox/deadlines', { deadlines: inbox.deadlines(citizenId), listing: inbox.menu(citizenId) });
    },
  };
}

function safeLetter<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
