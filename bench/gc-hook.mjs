// Preloaded into the server by bench/page-cost.ts --gc (node --import): counts V8's
// collections by kind with their pauses. On SIGUSR2 it writes what it counted since the
// last signal to the file named by GC_LOG and starts counting again.
import fs from 'node:fs';
import { PerformanceObserver, constants } from 'node:perf_hooks';

const kinds = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'scavenge',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'mark-compact',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental marking',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak callbacks',
};
let counted = {};
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = kinds[entry.detail?.kind] ?? String(entry.detail?.kind);
    const stats = (counted[kind] ??= { n: 0, ms: 0, max: 0 });
    stats.n += 1;
    stats.ms += entry.duration;
    stats.max = Math.max(stats.max, entry.duration);
  }
}).observe({ entryTypes: ['gc'] });
process.on('SIGUSR2', () => {
  fs.writeFileSync(process.env.GC_LOG, JSON.stringify(counted));
  counted = {};
});
