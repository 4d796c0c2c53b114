import { Router } from 'express';
import { requireCitizen } from '../common/auth.ts';
import type { DigitalPost } from '../digital-post.ts';
import type { MitidService } from '../mitid/mitid-service.ts';
import { paths } from '../paths.ts';
import { signatureController } from './signature-controller.ts';

/** Signing a letter's document in Digital Post with NemID (R3), behind the login with `service=post`. */
export function signatureRoutes(post: DigitalPost, mitid?: MitidService): Router {
  const signing = signatureController(post, mitid);
  const p = paths.post;
  const router = Router();
  router.use('/post', requireCitizen('post'));
  router.get(p.sign(':id'), signing.show);
  router.post(p.sign(':id'), signing.password);
  router.get(p.signKey, signing.showKey);
  router.post(p.signKey, signing.key);
  router.post(p.signShowCode, signing.pressCodeDisplay);
  return router;
}
