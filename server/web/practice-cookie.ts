import crypto from 'node:crypto';
import type { Request } from 'express';
import type { ClassRepository } from '../classes/class-repository.ts';
import type { ClassRow } from '../classes/types.ts';

/** The cookie that holds the token of the browser's own practice identity (practising alone, or a NemID from a desk). */
export const ownerCookie = 'sandbox.practice';

/** Only the token's hash is stored with the class. */
export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** The practice identity's class this browser owns (by its owner cookie), if it has one. */
export function practiceClassOf(classes: ClassRepository, req: Request): ClassRow | undefined {
  const token = req.cookies?.[ownerCookie];
  return typeof token === 'string' && token.length === 64 ? classes.findByOwnerTokenHash(hashToken(token)) : undefined;
}
