import { Router } from 'express';
import type { Context } from '../context.ts';
import { routes } from '../paths.ts';
import { exerciseController } from './exercise-controller.ts';
import { traineeExperience } from './experience.ts';

/**
 * The trainee's experience on every page (display settings, guide, celebrations), the
 * trainee's home of exercises at /exercises and the settings at /preferences.
 * Registered first, so every page has it.
 */
export function exerciseRoutes(ctx: Pick<Context, 'exercises' | 'citizens' | 'classes' | 'library'>, secureCookies: boolean): Router {
  const controller = exerciseController(ctx, ctx.exercises, secureCookies);
  const router = Router();
  router.use(traineeExperience(ctx, ctx.exercises, secureCookies));
  router.get(routes.exercises, controller.home);
  router.get(routes.preferences, controller.showPreferences);
  router.post(routes.preferences, controller.savePreferences);
  return router;
}
