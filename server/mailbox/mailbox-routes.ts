import { Router } from 'express';
import { requireCitizen } from '../common/auth.ts';
import { paths } from '../paths.ts';
import type { DigitalPost } from '../context.ts';
import { mailboxController } from './mailbox-controller.ts';
import { writingController } from './writing-controller.ts';

/** Digital Post at /post (R8-R12), behind the NemID login with `service=post`; signing (R3) has its own routes. */
export function mailboxRoutes(post: DigitalPost): Router {
  const mailbox = mailboxController(post);
  const writing = writingController(post);
  const p = paths.post;
  const router = Router();
  router.use('/post', requireCitizen('post'));
  router.get(p.inbox, mailbox.inbox);
  router.get(p.sent, mailbox.sent);
  router.get(p.trash, mailbox.trash);
  router.get(p.emptyTrash, mailbox.confirmEmptyTrash);
  router.post(p.emptyTrash, mailbox.emptyTrash);
  router.get(p.deadlines, mailbox.deadlines);
  router.get(p.folders, mailbox.folders);
  router.post(p.folders, mailbox.createFolder);
  router.get(p.folder(':id'), mailbox.folder);
  router.post(p.renameFolder(':id'), mailbox.renameFolder);
  router.get(p.deleteFolder(':id'), mailbox.confirmDeleteFolder);
  router.post(p.deleteFolder(':id'), mailbox.deleteFolder);
  router.get(p.letter(':id'), mailbox.letter);
  router.get(p.attachment(':id', ':attachmentId'), mailbox.attachment);
  router.post(p.move(':id'), mailbox.move);
  router.post(p.delete(':id'), mailbox.remove);
  router.get(p.answer(':id'), writing.showAnswer);
  router.post(p.answer(':id'), writing.answer);
  router.get(p.forward(':id'), writing.showForward);
  router.post(p.forward(':id'), writing.forward);
  router.get(p.write, writing.showWrite);
  router.post(p.write, writing.write);
  router.get(p.notifications, writing.notifications);
  router.post(p.notifications, writing.saveNotifications);
  return router;
}
