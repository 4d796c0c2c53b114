import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../server/common/project-root.ts';

export { freePort } from '../test/helpers/ports.ts';

export const repoRoot = projectRoot;
const serverBundle = path.join(repoRoot, 'dist/server.js');

/** Builds dist/server.js from the current sources, as `npm start` does first (scripts/build.mjs). */
export function buildServer(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' });
}

export interface ServerMemory {
  /** Peak resident set since the process started (VmHWM), in MB. */
  peakMb: number;
  /** Resident set now (VmRSS), in MB. */
  nowMb: number;
}

/** Reads the kernel's own memory figures of a process (Linux). */
export function memoryOf(pid: number): ServerMemory {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { peakMb: kb('VmHWM') / 1024, nowMb: kb('VmRSS') / 1024 };
}

/**
 * CPU time a process has used so far, in ms: its main thread (JavaScript, the event
 * loop) and all its other threads (the libuv pool running argon2, V8's helpers).
 * /proc counts in USER_HZ, which Linux fixes at 100 per second.
 */
export function cpuOf(pid: number): { mainMs: number; otherMs: number } {
  let mainMs = 0;
  let otherMs = 0;
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    } catch {
      continue; // the thread ended meanwhile
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ms = (Number(fields[11]) + Number(fields[12])) * 10;
    if (tid === String(pid)) mainMs += ms;
    else otherMs += ms;
  }
  return { mainMs, otherMs };
}

/** How `scripts/run-server.sh` runs the server: its node flags and its malloc settings, read from the script itself. */
export function shippedSettings(): { nodeFlags: string[]; mallocEnv: Record<string, string> } {
  const script = fs.readFileSync(path.join(repoRoot, 'scripts/run-server.sh'), 'utf8');
  const mallocEnv = Object.fromEntries([...script.matchAll(/^export (\w+)="\$\{\1:-(.*)\}"$/gm)].map((match) => [match[1]!, match[2]!]));
  const exec = /^exec node (.*?) "\$@"/m.exec(script);
  if (!exec || Object.keys(mallocEnv).length === 0) throw new Error('scripts/run-server.sh no longer has the shape the bench reads');
  return { nodeFlags: exec[1]!.split(/\s+/), mallocEnv };
}

/** A way to run the server other than the script's: these node flags, with or without its malloc settings. */
export interface DirectLaunch {
  nodeFlags: string[];
  malloc: boolean;
}

export interface RunningServer {
  pid: number;
  base: string;
  /** Milliseconds from spawning the process to the first 200 of GET /healthz. */
  readyMs: number;
  memory(): ServerMemory;
  cpu(): { mainMs: number; otherMs: number };
  stop(): Promise<void>;
}

/**
 * Starts the sandbox as `npm start` does, after its build (`buildServer()`): the built
 * dist/server.js through scripts/run-server.sh, with its node flags and malloc settings,
 * on the given database and port. Waits until GET /healthz answers 200 (`nodeArgs`:
 * extra flags for node, e.g. `--cpu-prof` while profiling). Gives up after `timeoutMs`;
 * the process is always ended by `stop()`.
 */
export async function startServer(options: {
  env: NodeJS.ProcessEnv;
  port: number;
  timeoutMs?: number;
  nodeArgs?: string[];
  direct?: DirectLaunch;
}): Promise<RunningServer> {
  if (!fs.existsSync(serverBundle))
    throw new Error(`${path.relative(repoRoot, serverBundle)} is missing: call buildServer() (npm run build) first`);
  const started = performance.now();
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, PORT: String(options.port) };
  let command: [string, string[]];
  if (options.direct) {
    const shipped = shippedSettings();
    for (const name of Object.keys(shipped.mallocEnv)) delete env[name];
    if (options.direct.malloc) Object.assign(env, shipped.mallocEnv);
    command = [process.execPath, [...options.direct.nodeFlags, ...(options.nodeArgs ?? []), serverBundle]];
  } else {
    // The script execs node, so the child's process id is the server's own.
    command = ['sh', ['scripts/run-server.sh', ...(options.nodeArgs ?? [])]];
  }
  const child: ChildProcess = spawn(command[0], command[1], { cwd: repoRoot, env, stdio: ['ignore', 'ignore', 'pipe'] });
  // Whatever ends the bench (an error, Ctrl-C), the server goes with it.
  const orphanGuard = () => child.kill('SIGKILL');
  process.once('exit', orphanGuard);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    process.removeListener('exit', orphanGuard);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 6000);
      await exited;
      clearTimeout(timer);
    }
  };

  const deadline = started + (options.timeoutMs ?? 60_000);
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server stopped while starting (exit ${child.exitCode}):\n${stderr}`);
    try {
      const response = await fetch(`${base}/healthz`);
      if (response.status === 200) {
        const readyMs = performance.now() - started;
        return { pid: child.pid!, base, readyMs, memory: () => memoryOf(child.pid!), cpu: () => cpuOf(child.pid!), stop };
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await stop();
  throw new Error(`The server was not ready within ${options.timeoutMs ?? 60_000} ms:\n${stderr}`);
}
