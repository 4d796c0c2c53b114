import type { NextFunction, Request, RequestHandler, Response } from 'express';
import multer from 'multer';

/** The biggest "photo of the key card" the look-alike takes. */
export const photoLimitBytes = 8 * 1024 * 1024;

/**
 * Reads the look-alike's photo upload before the CSRF check (which needs `_csrf` from the
 * body), mounted on that route only (server/app.ts). The file is held in memory for the request and never stored:
 * the workshop records only that a photo was uploaded.
 */
export function cardPhotoUploads(): RequestHandler {
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: photoLimitBytes, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
  }).single('photo');
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'POST' || !req.is('multipart/form-data')) return next();
    upload(req, res, (error: unknown) => {
      if (error instanceof multer.MulterError) {
        res.locals.photoProblem =
          error.code === 'LIMIT_FILE_SIZE' ? 'workshop:lookAlike.errors.photoTooLarge' : 'workshop:lookAlike.errors.photo';
        return next();
      }
      next(error);
    });
  };
}

/** Whether a photo (JPEG or PNG, by its first bytes) came with the form; the bytes are dropped here. */
export function photoFrom(req: Request, res: Response): { ok: true } | { ok: false; error: string } {
  if (typeof res.locals.photoProblem === 'string') return { ok: false, error: res.locals.photoProblem };
  const file = req.file;
  if (!file || file.size === 0) return { ok: false, error: 'workshop:lookAlike.errors.photo' };
  const head = file.buffer.subarray(0, 8);
  const png = head.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const jpeg = head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff;
  req.file = undefined;
  return png || jpeg ? { ok: true } : { ok: false, error: 'workshop:lookAlike.errors.photo' };
}
