import type { Request, Response } from 'express';
import type { Citizen } from '../citizen/types.ts';
import { fieldErrors, formText } from '../web/form.ts';
import { paths } from '../paths.ts';
import type { TeacherConsole } from './console.ts';
import { notice } from '../web/teacher-notice.ts';
import { issuerBlockSchema, letterSchema } from './teacher-validation.ts';
import type { ClassRow } from '../classes/types.ts';

const letterFields = ['sender', 'senderName', 'subject', 'body', 'answerable'] as const;

/** Acting in the story: a letter to the whole class or to one trainee, from any sender. */
export function storyController({ story, teachers, ctx }: TeacherConsole) {
  const render = (res: Response, status: number, locals: Record<string, unknown>) => {
    const klass: ClassRow = res.locals.klass;
    const trainee: Citizen | undefined = res.locals.trainee;
    res.status(status).render('teacher/letter', {
      klass,
      trainee: trainee ?? null,
      action: trainee ? paths.teacher.traineeLetters(trainee.id) : paths.teacher.classLetters(klass.code),
      back: trainee ? paths.teacher.trainee(trainee.id) : paths.teacher.klass(klass.code),
      senders: story.senders(klass).map((sender) => ({ value: sender.key, label: sender.name })),
      errors: {},
      values: { sender: '', senderName: '', subject: '', body: '', answerable: '' },
      ...locals,
    });
  };

  const send = (req: Request, res: Response): void => {
    const klass: ClassRow = res.locals.klass;
    const trainee: Citizen | undefined = res.locals.trainee;
    const values = Object.fromEntries(letterFields.map((field) => [field, formText(req.body, field).slice(0, 5000)]));
    const parsed = letterSchema.safeParse(req.body);
    if (!parsed.success) {
      render(res, 400, { errors: fieldErrors(parsed.error), values });
      return;
    }
    const known = formText(req.body, 'sender') === 'other' || story.senders(klass).some((sender) => sender.key === parsed.data.sender);
    if (!known) {
      render(res, 400, { errors: { sender: ['teacher:letter.errors.sender'] }, values });
      return;
    }
    const recipients = trainee ? [trainee] : ctx.citizens.listInClass(klass.id);
    const count = story.sendLetter(recipients, parsed.data);
    notice(req, 'teacher:letter.sent', { count, subject: parsed.data.subject });
    res.redirect(303, trainee ? paths.teacher.trainee(trainee.id) : paths.teacher.klass(klass.code));
  };

  const teacherName = (req: Request) => teachers.findById(req.session.teacherId!)?.username ?? String(req.session.teacherId);

  return {
    showLetter(_req: Request, res: Response): void {
      render(res, 200, {});
    },
    send,

    /** The teacher plays the issuer and blocks the trainee's NemID (R15). */
    block(req: Request, res: Response): void {
      const trainee: Citizen = res.locals.trainee;
      const parsed = issuerBlockSchema.safeParse(req.body);
      if (!parsed.success) {
        notice(req, 'teacher:issuer.errors.reason');
      } else {
        const result = story.blockAsIssuer(trainee, parsed.data.reason, teacherName(req));
        notice(req, result.ok ? 'teacher:issuer.blocked' : result.message, { name: trainee.name });
      }
      res.redirect(303, `${paths.teacher.trainee(trainee.id)}#issuer-heading`);
    },

    /** The teacher plays the issuer (support) and unblocks the trainee's NemID. */
    unblock(req: Request, res: Response): void {
      const trainee: Citizen = res.locals.trainee;
      const result = story.unblockAsIssuer(trainee, teacherName(req));
      notice(req, result.ok ? 'teacher:issuer.unblocked' : result.message, { name: trainee.name });
      res.redirect(303, `${paths.teacher.trainee(trainee.id)}#issuer-heading`);
    },
  };
}
