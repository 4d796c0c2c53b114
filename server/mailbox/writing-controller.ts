import type { Request, Response } from 'express';
import { NotFound } from '../common/errors.ts';
import type { Lang } from '../common/i18n.ts';
import { fieldErrors, formText } from '../web/form.ts';
import { paths } from '../paths.ts';
import { formatBody } from './body-format.ts';
import type { DigitalPost } from '../context.ts';
import { answerSchema, attachmentsFrom, notificationSchema, uploadLimits, writeSchema } from './mailbox-validation.ts';
import { idFrom } from '../web/ids.ts';
import { textIn } from './types.ts';

const me = (req: Request): number => req.session.citizenId!;

function letterId(req: Request): number {
  const id = idFrom(req.params.id);
  if (id === undefined) throw new NotFound();
  return id;
}

const limits = { maxMb: uploadLimits.maxBytes / 1024 / 1024, maxFiles: uploadLimits.maxFiles };

/** Writing from the mailbox (R12): answer, new letter to an authority, forward; and the notification settings. */
export function writingController(post: DigitalPost) {
  const { inbox, correspondence } = post;

  const answerPage = (req: Request, res: Response, status: number, locals: { body: string; errors: Record<string, string[]> }) => {
    const citizenId = me(req);
    const letter = inbox.letter(citizenId, letterId(req));
    if (!correspondence.canAnswer(letter)) throw new NotFound();
    const lang = res.locals.lang as Lang;
    res.status(status).render('mailbox/answer', {
      letter,
      subject: textIn(letter.subject, lang),
      blocks: formatBody(textIn(letter.body, lang)),
      limits,
      listing: inbox.menu(citizenId),
      ...locals,
    });
  };

  const writePage = (
    req: Request,
    res: Response,
    status: number,
    locals: { to: string; subject: string; body: string; errors: Record<string, string[]> },
  ) => {
    const citizenId = me(req);
    res.status(status).render('mailbox/write', {
      authorities: correspondence.authorities(citizenId),
      limits,
      listing: inbox.menu(citizenId),
      ...locals,
    });
  };

  const forwardPage = (req: Request, res: Response, status: number, locals: { to: string; errors: Record<string, string[]> }) => {
    const citizenId = me(req);
    const letter = inbox.letter(citizenId, letterId(req));
    res.status(status).render('mailbox/forward', {
      letter,
      subject: textIn(letter.subject, res.locals.lang as Lang),
      listing: inbox.menu(citizenId),
      ...locals,
    });
  };

  const notificationsPage = (
    req: Request,
    res: Response,
    status: number,
    errors: Record<string, string[]>,
    form?: Record<string, string | boolean>,
  ) => {
    const citizenId = me(req);
    const { mailbox, log } = inbox.notifications(citizenId);
    res.status(status).render('mailbox/notifications', {
      mailbox,
      log,
      errors,
      listing: inbox.menu(citizenId),
      form: form ?? {
        notifyEmail: mailbox.notifyEmail,
        email: mailbox.email ?? '',
        notifySms: mailbox.notifySms,
        phone: mailbox.phone ?? '',
      },
      saved: req.query.done === 'saved',
    });
  };

  return {
    showAnswer(req: Request, res: Response): void {
      answerPage(req, res, 200, { body: '', errors: {} });
    },

    answer(req: Request, res: Response): void {
      const body = formText(req.body, 'body').slice(0, 6000);
      const parsed = answerSchema.safeParse(req.body ?? {});
      const files = attachmentsFrom(req, res);
      const errors = parsed.success ? {} : fieldErrors(parsed.error);
      if (!files.ok) errors.attachments = [files.error];
      if (!parsed.success || !files.ok) return answerPage(req, res, 400, { body, errors });
      correspondence.answer(me(req), letterId(req), { body: parsed.data.body, attachments: files.attachments });
      res.redirect(303, `${paths.post.sent}?done=answered`);
    },

    showWrite(req: Request, res: Response): void {
      writePage(req, res, 200, { to: typeof req.query.to === 'string' ? req.query.to : '', subject: '', body: '', errors: {} });
    },

    write(req: Request, res: Response): void {
      const kept = {
        to: formText(req.body, 'to').slice(0, 60),
        subject: formText(req.body, 'subject').slice(0, 200),
        body: formText(req.body, 'body').slice(0, 6000),
      };
      const parsed = writeSchema.safeParse(req.body ?? {});
      const files = attachmentsFrom(req, res);
      const errors = parsed.success ? {} : fieldErrors(parsed.error);
      if (!correspondence.authorities(me(req)).some((a) => a.key === kept.to)) errors.to = ['mailbox:write.errors.recipient'];
      if (!files.ok) errors.attachments = [files.error];
      if (Object.keys(errors).length > 0 || !parsed.success || !files.ok) return writePage(req, res, 400, { ...kept, errors });
      correspondence.write(me(req), parsed.data.to, {
        subject: parsed.data.subject,
        body: parsed.data.body,
        attachments: files.attachments,
      });
      res.redirect(303, `${paths.post.sent}?done=written`);
    },

    showForward(req: Request, res: Response): void {
      forwardPage(req, res, 200, { to: '', errors: {} });
    },

    forward(req: Request, res: Response): void {
      const to = formText(req.body, 'to').slice(0, 300);
      const result = correspondence.forward(me(req), letterId(req), to);
      if (!result.ok) return forwardPage(req, res, 400, { to, errors: result.errors });
      res.redirect(303, `${paths.post.letter(letterId(req))}?done=forwarded`);
    },

    notifications(req: Request, res: Response): void {
      notificationsPage(req, res, 200, {});
    },

    saveNotifications(req: Request, res: Response): void {
      const parsed = notificationSchema.safeParse(req.body ?? {});
      const form = {
        notifyEmail: formText(req.body, 'notifyEmail') === 'on',
        email: formText(req.body, 'email').slice(0, 300),
        notifySms: formText(req.body, 'notifySms') === 'on',
        phone: formText(req.body, 'phone').slice(0, 40),
      };
      const errors = parsed.success ? {} : fieldErrors(parsed.error);
      if (parsed.success && parsed.data.notifySms && parsed.data.phone === '') errors.phone = ['mailbox:notifications.errors.phoneMissing'];
      if (!parsed.success || Object.keys(errors).length > 0) return notificationsPage(req, res, 400, errors, form);
      inbox.saveNotificationSettings(me(req), {
        notifyEmail: parsed.data.notifyEmail === 'on',
        email: parsed.data.email || null,
        notifySms: parsed.data.notifySms === 'on',
        phone: parsed.data.phone || null,
      });
      res.redirect(303, `${paths.post.notifications}?done=saved`);
    },
  };
}
