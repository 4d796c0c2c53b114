import type { NextFunction, Request, Response } from 'express';
import type { Workshop } from './types.ts';
import type { WorkshopService } from './workshop-service.ts';

/** What the teacher console shows of one class's workshops: the running ones, or else the latest, and whether to offer a new one. */
export interface ClassWorkshops {
  shown: Workshop[];
  offerStart: boolean;
}

/**
 * Puts `workshopsOfClass(classId)` on `res.locals` for a signed-in teacher's pages, so that
 * the console's home and class page link each class to its workshops
 * (views/workshop/class-link.ejs). Read once per page, and only when a page asks.
 */
export function classWorkshopLinks(workshops: WorkshopService) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const teacherId = req.session.teacherId;
    if (req.method === 'GET' && teacherId !== undefined) {
      let byClass: Map<number, Workshop[]> | undefined;
      res.locals.workshopsOfClass = (classId: number): ClassWorkshops => {
        if (!byClass) {
          byClass = new Map();
          for (const { workshop } of workshops.workshopsOf(teacherId))
            byClass.set(workshop.classId, [...(byClass.get(workshop.classId) ?? []), workshop]);
        }
        const all = byClass.get(classId) ?? []; // newest first
        const running = all.filter((workshop) => workshop.endedAt === null);
        return running.length > 0 ? { shown: running, offerStart: false } : { shown: all.slice(0, 1), offerStart: true };
      };
    }
    next();
  };
}
