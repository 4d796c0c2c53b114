import { describe, expect, it } from 'vitest';
import { percentile } from '../../bench/arrival-bench.ts';
import { shippedSettings } from '../../bench/server-process.ts';

describe('the busiest-minute bench', () => {
  it('takes percentiles by nearest rank: the p99 of 200 requests is the second slowest', () => {
    const values = Array.from({ length: 200 }, (_, index) => index + 1);
    expect(percentile(values, 99)).toBe(198);
    expect(percentile(values, 50)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('reads the memory settings it compares from scripts/run-server.sh itself', () => {
    const shipped = shippedSettings();
    expect(shipped.nodeFlags).toEqual(['--max-semi-space-size=1', '--heap-growing-percent=20']);
    expect(shipped.mallocEnv).toEqual({
      MALLOC_ARENA_MAX: '2',
      MALLOC_MMAP_THRESHOLD_: '131072',
      GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1',
    });
  });
});
