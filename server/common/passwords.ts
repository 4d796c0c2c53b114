import argon2 from 'argon2';

/** argon2id with the OWASP parameters: 19 MiB, 2 passes, 1 lane. */
export const argon2Options = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(plain: string): Promise<string> {
  return argon2.hash(plain, argon2Options);
}

export function verifyPassword(hash: string, plain: string): Promise<boolean> {
  return argon2.verify(hash, plain);
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real verification, so that an unknown user ID cannot be
 * told apart from a wrong password by the response time.
 */
export async function verifyAgainstNothing(plain: string): Promise<false> {
  dummyHash ??= hashPassword('not-a-real-password-1');
  await argon2.verify(await dummyHash, plain);
  return false;
}
