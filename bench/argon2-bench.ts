import argon2 from 'argon2';
import { argon2Options } from '../server/common/passwords.ts';

export interface Rate {
  count: number;
  seconds: number;
  perSecond: number;
}

/**
 * Runs `worker` from `concurrency` loops until `maxCount` runs are done or `maxSeconds`
 * have passed, whichever comes first, and gives the rate of completed runs.
 */
export async function ratedLoop(
  worker: (index: number) => Promise<void>,
  limits: { concurrency: number; maxCount: number; maxSeconds: number },
): Promise<Rate> {
  let started = 0;
  let done = 0;
  const t0 = performance.now();
  const deadline = t0 + limits.maxSeconds * 1000;
  const lane = async () => {
    while (started < limits.maxCount && performance.now() < deadline) {
      const index = started;
      started += 1;
      await worker(index);
      done += 1;
    }
  };
  await Promise.all(Array.from({ length: limits.concurrency }, lane));
  const seconds = (performance.now() - t0) / 1000;
  return { count: done, seconds, perSecond: done / seconds };
}

/**
 * Raw argon2id verifications per second at the app's parameters, with as many at once
 * as the server's libuv thread pool runs (4 by default): the ceiling of password logins.
 */
export async function rawVerifications(limits: { maxCount: number; maxSeconds: number }): Promise<Rate> {
  const concurrency = Number(process.env.UV_THREADPOOL_SIZE) || 4;
  const hash = await argon2.hash('bench-password-1', argon2Options);
  return ratedLoop(
    async () => {
      if (!(await argon2.verify(hash, 'bench-password-1'))) throw new Error('argon2 refused its own hash');
    },
    { concurrency, ...limits },
  );
}
