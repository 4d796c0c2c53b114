import os from 'node:os';
import argon2 from 'argon2';

/** argon2id with the OWASP parameters: 19 MiB, 2 passes, 1 lane. */
export const argon2Options = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** Runs at most `size` tasks at once; the others wait their turn, first come first served. */
export class Slots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < this.size) this.running += 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next)
        next(); // the slot passes straight on
      else this.running -= 1;
    }
  }
}

/**
 * argon2 is pure CPU and holds 19 MiB while it runs: more hashes at once than cores
 * (libuv's pool would run 4) give no more logins per second, only more memory and a
 * pool too busy for other work. See docs/benchmarks.md.
 */
const argon2Slots = new Slots(Math.max(1, os.availableParallelism()));

export function hashPassword(plain: string): Promise<string> {
  return argon2Slots.run(() => argon2.hash(plain, argon2Options));
}

export function verifyPassword(hash: string, plain: string): Promise<boolean> {
  return argon2Slots.run(() => argon2.verify(hash, plain));
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real verification, so that an unknown user ID cannot be
 * told apart from a wrong password by the response time.
 */
export async function verifyAgainstNothing(plain: string): Promise<false> {
  dummyHash ??= hashPassword('not-a-real-password-1');
  await verifyPassword(await dummyHash, plain);
  return false;
}
