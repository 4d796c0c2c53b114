import type { NextFunction, Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import type { UploadedAttachment } from './types.ts';

/** What a trainee may attach to a letter (R12): PDF, PNG or JPEG, each at most 2 MB, at most 3 files. */
export const uploadLimits = { maxBytes: 2 * 1024 * 1024, maxFiles: 3, types: ['application/pdf', 'image/png', 'image/jpeg'] } as const;

/** The file's type by its first bytes, whatever its name or the browser says. */
export function sniffType(content: Buffer): string | undefined {
  if (content.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return 'image/jpeg';
  return undefined;
}

/**
 * Reads multipart forms before the CSRF check (which needs `_csrf` from the body),
 * mounted on the letter-writing routes only (server/app.ts). A file past the limits does not fail the request:
 * `res.locals.uploadProblem` tells the controller, which shows the form with the error.
 */
export function letterUploads(): RequestHandler {
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: uploadLimits.maxBytes, files: uploadLimits.maxFiles, fields: 20, fieldSize: 64 * 1024, parts: 30 },
  }).array('attachments', uploadLimits.maxFiles);
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'POST' || !req.is('multipart/form-data')) return next();
    upload(req, res, (error: unknown) => {
      if (error instanceof multer.MulterError) {
        res.locals.uploadProblem =
          error.code === 'LIMIT_FILE_SIZE'
            ? 'mailbox:write.errors.fileTooLarge'
            : error.code === 'LIMIT_FILE_COUNT' || error.code === 'LIMIT_UNEXPECTED_FILE'
              ? 'mailbox:write.errors.tooManyFiles'
              : 'errors:badRequest';
        return next();
      }
      next(error);
    });
  };
}

/** The uploaded files as attachments, or the locale key of what is wrong with them. */
export function attachmentsFrom(
  req: Request,
  res: Response,
): { ok: true; attachments: UploadedAttachment[] } | { ok: false; error: string } {
  if (typeof res.locals.uploadProblem === 'string') return { ok: false, error: res.locals.uploadProblem };
  const files = (Array.isArray(req.files) ? req.files : []).filter((file) => file.size > 0 || file.originalname !== '');
  const attachments: UploadedAttachment[] = [];
  for (const file of files) {
    if (file.size === 0) return { ok: false, error: 'mailbox:write.errors.emptyFile' };
    const mime = sniffType(file.buffer);
    if (!mime) return { ok: false, error: 'mailbox:write.errors.fileType' };
    const base = file.originalname.replace(/[^\w.\- ]/g, '_').slice(-80) || 'attachment';
    attachments.push({ filename: base, mime, content: file.buffer });
  }
  return { ok: true, attachments };
}

const text = (max: number, missing: string, tooLong: string) => z.string().trim().min(1, missing).max(max, tooLong);

export const writeSchema = z.object({
  to: z.string().min(1, 'mailbox:write.errors.recipient'),
  subject: text(120, 'mailbox:write.errors.subjectMissing', 'mailbox:write.errors.subjectTooLong'),
  body: text(5000, 'mailbox:write.errors.bodyMissing', 'mailbox:write.errors.bodyTooLong'),
});

export const answerSchema = z.object({
  body: text(5000, 'mailbox:write.errors.bodyMissing', 'mailbox:write.errors.bodyTooLong'),
});

export const notificationSchema = z.object({
  notifyEmail: z.literal('on').optional(),
  email: z
    .union([
      z.literal(''),
      z
        .string()
        .trim()
        .max(254, 'mailbox:notifications.errors.email')
        .regex(/^[^\s@<>"]{1,64}@[^\s@<>"]{1,190}\.[A-Za-z]{2,24}$/, 'mailbox:notifications.errors.email'),
    ])
    .default(''),
  notifySms: z.literal('on').optional(),
  phone: z
    .union([
      z.literal(''),
      z
        .string()
        .trim()
        .regex(/^(\+45 ?)?\d{2} ?\d{2} ?\d{2} ?\d{2}$/, 'mailbox:notifications.errors.phone'),
    ])
    .default(''),
});
