import type { NextFunction, Request, RequestHandler, Response } from 'express';
import multer from 'multer';

/** A scenario file is text: at most 200 KB, whether chosen as a file or pasted. */
export const scenarioUploadLimitBytes = 200 * 1024;

/**
 * Reads the scenario library's multipart forms before the CSRF check (which needs
 * `_csrf` from the body), mounted on those routes only (server/app.ts). A file past the limit does not fail the
 * request: `res.locals.scenarioUploadProblem` tells the controller, which shows the form
 * with the error.
 */
export function scenarioUploads(): RequestHandler {
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: scenarioUploadLimitBytes, files: 1, fields: 5, fieldSize: scenarioUploadLimitBytes, parts: 7 },
  }).single('file');
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'POST' || !req.is('multipart/form-data')) return next();
    upload(req, res, (error: unknown) => {
      if (error instanceof multer.MulterError) {
        res.locals.scenarioUploadProblem =
          error.code === 'LIMIT_FILE_SIZE' || error.code === 'LIMIT_FIELD_VALUE'
            ? 'teacher:scenarios.errors.textTooLong'
            : 'errors:badRequest';
        return next();
      }
      next(error);
    });
  };
}

/** The scenario text of a form: the chosen file when there is one, else the pasted text. */
export function scenarioTextFrom(req: Request): { text: string; fileName: string | null } {
  const file = req.file;
  if (file && file.size > 0) return { text: file.buffer.toString('utf8').replace(/^\uFEFF/, ''), fileName: file.originalname };
  const pasted = (req.body as Record<string, unknown> | undefined)?.text;
  return { text: typeof pasted === 'string' ? pasted : '', fileName: null };
}

/** A scenario name from a file's name: `My Lesson.yaml` becomes `my-lesson`. */
export function nameFromFileName(fileName: string): string {
  return fileName
    .replace(/\.(ya?ml|json)$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}
