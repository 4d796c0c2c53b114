import { Router } from 'express';
import type { PublicServiceGuards } from '../enrolment/public-access.ts';
import { routes } from '../paths.ts';
import type { DigitalPost } from '../context.ts';
import { mailboxController } from './mailbox-controller.ts';
import { writingController } from './writing-controller.ts';

/** Digital Post at /post (R8-R12), behind the NemID login with `service=post`; signing (R3) has its own routes. */
export function mailboxRoutes(post: DigitalPost, guards: PublicServiceGuards): Router {
  const mailbox = mailboxController(post);
  const writing = writingController(post);
  const p = routes.post;
  const signedIn = guards('post');
  const router = Router();
  router.get(p.inbox, ...signedIn, mailbox.inbox);
  router.get(p.sent, ...signedIn, mailbox.sent);
  router.get(p.trash, ...signedIn, mailbox.trash);
  router.get(p.emptyTrash, ...signedIn, mailbox.confirmEmptyTrash);
  router.post(p.emptyTrash, ...signedIn, mailbox.emptyTrash);
  router.get(p.deadlines, ...signedIn, mailbox.deadlines);
  router.get(p.folders, ...signedIn, mailbox.folders);
  router.post(p.folders, ...signedIn, mailbox.createFolder);
  router.get(p.folder, ...signedIn, mailbox.folder);
  router.post(p.renameFolder, ...signedIn, mailbox.renameFolder);
  router.get(p.deleteFolder, ...signedIn, mailbox.confirmDeleteFolder);
  router.post(p.deleteFolder, ...signedIn, mailbox.deleteFolder);
  router.get(p.letter, ...signedIn, mailbox.letter);
  router.get(p.attachment, ...signedIn, mailbox.attachment);
  router.post(p.move, ...signedIn, mailbox.move);
  router.post(p.delete, ...signedIn, mailbox.remove);
  router.get(p.answer, ...signedIn, writing.showAnswer);
  router.post(p.answer, ...signedIn, writing.answer);
  router.get(p.forward, ...signedIn, writing.showForward);
  router.post(p.forward, ...signedIn, writing.forward);
  router.get(p.write, ...signedIn, writing.showWrite);
  router.post(p.write, ...signedIn, writing.write);
  router.get(p.notifications, ...signedIn, writing.notifications);
  router.post(p.notifications, ...signedIn, writing.saveNotifications);
  return router;
}
