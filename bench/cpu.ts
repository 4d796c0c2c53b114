import type { RunningServer } from './server-process.ts';

/** CPU spent during a phase: the server's event loop, its other threads (argon2, GC), and the bench itself. */
export interface CpuSpent {
  eventLoopMs: number;
  otherThreadsMs: number;
  loadGeneratorMs: number;
}

export async function withCpu<T>(server: RunningServer, run: () => Promise<T>): Promise<{ result: T; cpu: CpuSpent }> {
  const before = server.cpu();
  const bench = process.cpuUsage();
  const result = await run();
  const after = server.cpu();
  const used = process.cpuUsage(bench);
  return {
    result,
    cpu: {
      eventLoopMs: after.mainMs - before.mainMs,
      otherThreadsMs: after.otherMs - before.otherMs,
      loadGeneratorMs: (used.user + used.system) / 1000,
    },
  };
}

/** "CPU per login: event loop 8.1 ms, other threads 31.0 ms, load generator 2.9 ms". */
export function cpuPer(what: string, cpu: CpuSpent, count: number): string {
  const each = (ms: number) => (count > 0 ? (ms / count).toFixed(2) : 'n/a');
  return `CPU per ${what}: server event loop ${each(cpu.eventLoopMs)} ms, server's other threads ${each(cpu.otherThreadsMs)} ms, load generator ${each(cpu.loadGeneratorMs)} ms.`;
}
