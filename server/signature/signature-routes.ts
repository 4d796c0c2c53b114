import { Router } from 'express';
import type { DigitalPost } from '../context.ts';
import type { PublicServiceGuards } from '../enrolment/public-access.ts';
import { routes } from '../paths.ts';
import { signatureController } from './signature-controller.ts';

/** Signing a letter's document in Digital Post with NemID (R3), behind the login with `service=post`. */
export function signatureRoutes(post: DigitalPost, guards: PublicServiceGuards): Router {
  const signing = signatureController(post);
  const p = routes.post;
  const signedIn = guards('post');
  const router = Router();
  router.get(p.sign, ...signedIn, signing.show);
  router.post(p.sign, ...signedIn, signing.password);
  router.get(p.signKey, ...signedIn, signing.showKey);
  router.post(p.signKey, ...signedIn, signing.key);
  return router;
}
