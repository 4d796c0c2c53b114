import type { Request, Response } from 'express';
import { paths } from '../paths.ts';
import type { ExerciseService } from './exercise-service.ts';
import { changesFrom, localPath, readPreferences, writePreferences } from './preferences.ts';
import { traineeOf, type TraineeLookup } from './trainee.ts';

/** Thin controllers of the trainee's home of exercises and the display settings. */
export function exerciseController(lookup: TraineeLookup, exercises: ExerciseService, secureCookies: boolean) {
  return {
    /** The exercises of the trainee's scenario, each ticked from the event log. */
    home(req: Request, res: Response): void {
      const trainee = traineeOf(lookup, req);
      res.render('exercises/home', { trainee: trainee ?? null, progress: trainee ? exercises.progress(trainee) : null });
    },

    showPreferences(req: Request, res: Response): void {
      res.render('exercises/preferences', { errors: {}, back: localPath(req.query.back, paths.exercises) });
    },

    savePreferences(req: Request, res: Response): void {
      const back = localPath((req.body as Record<string, unknown> | undefined)?.back, paths.home);
      const changes = changesFrom(req.body);
      if (!changes) {
        res.status(400).render('exercises/preferences', { errors: { form: ['exercises:preferences.nothingChosen'] }, back });
        return;
      }
      writePreferences(res, { ...readPreferences(req), ...changes }, secureCookies);
      res.redirect(303, back);
    },
  };
}
