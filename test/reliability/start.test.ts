import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { translator } from '../../server/common/i18n.ts';
import { findProjectRoot, projectRoot } from '../../server/common/project-root.ts';
import { freePort } from '../helpers/ports.ts';

/**
 * `npm start`, as the README's first command runs it: the build (scripts/build.mjs) and
 * then the built dist/server.js through scripts/run-server.sh, without tsx. The server
 * runs on its own temporary database and port and must answer like the real thing:
 * health, the login page with the training banner and its form, a static file.
 */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-start-'));
let npm: ChildProcess | undefined;

/** The processes of a process group (npm, its shell, the server), by reading /proc. */
function processesInGroup(group: number): { pid: number; argv: string[]; env: string[] }[] {
  const found = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      if (pgrp !== group) continue;
      const argv = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean);
      const env = fs.readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      found.push({ pid: Number(entry), argv, env });
    } catch {
      // the process ended meanwhile
    }
  }
  return found;
}

/** Ends npm, its shell and the server (the process group npm leads): SIGTERM, then SIGKILL. */
async function stopGroup(group: number): Promise<void> {
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-group, name);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  for (let tries = 0; tries < 100 && processesInGroup(group).length > 0; tries += 1)
    await new Promise((resolve) => setTimeout(resolve, 100));
  signal('SIGKILL');
}

afterAll(async () => {
  if (npm?.pid) await stopGroup(npm.pid);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('finds the project folder from the sources and from dist/', () => {
    expect(fs.existsSync(path.join(projectRoot, 'package.json'))).toBe(true);
    expect(fs.existsSync(path.join(projectRoot, 'server/server.ts'))).toBe(true);
    expect(findProjectRoot(path.join(projectRoot, 'dist'))).toBe(projectRoot);
  });

  it('builds and serves the sandbox as plain JavaScript, with the memory settings', async () => {
    const port = await freePort();
    npm = spawn('npm', ['start', '--silent'], {
      cwd: projectRoot,
      env: {
        ...process.env,
        PORT: String(port),
        DB_PATH: path.join(dir, 'start.db'),
        SECRETS_DIR: dir,
        SCENARIO_UPLOAD_DIR: path.join(dir, 'scenarios'),
        LOG_LEVEL: 'silent',
        npm_config_update_notifier: 'false',
        // Whatever this shell has, the values must come from scripts/run-server.sh.
        MALLOC_ARENA_MAX: undefined,
        MALLOC_MMAP_THRESHOLD_: undefined,
        GLIBC_TUNABLES: undefined,
        NODE_OPTIONS: undefined,
      },
      detached: true, // its own process group, so that the server goes with it
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    npm.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const base = `http://127.0.0.1:${port}`;
    let health: Response | undefined;
    for (let tries = 0; tries < 600 && !health; tries += 1) {
      if (npm.exitCode !== null) throw new Error(`npm start stopped (exit ${npm.exitCode}):\n${stderr}`);
      health = await fetch(`${base}/healthz`).catch(() => undefined);
      if (!health) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(health?.status).toBe(200);

    // The server itself: node running the bundle, no tsx loader, started by run-server.sh.
    const servers = processesInGroup(npm.pid!).filter((one) => one.argv.some((arg) => arg.endsWith('dist/server.js')));
    expect(servers).toHaveLength(1);
    const server = servers[0]!;
    expect(path.basename(server.argv[0]!)).toBe('node');
    expect(server.argv.join(' ')).not.toMatch(/tsx|--import|--loader/);
    expect(server.argv.some((arg) => arg.startsWith('--max-semi-space-size='))).toBe(true);
    expect(server.env.some((entry) => entry.startsWith('MALLOC_ARENA_MAX='))).toBe(true);

    // A real page: views, locales and the training banner from the project folder.
    const t = translator('da');
    const login = await fetch(`${base}/login`);
    expect(login.status).toBe(200);
    const html = await login.text();
    expect(html).toContain(t('common:banner.title'));
    expect(html).toContain(t('common:banner.text'));
    expect(html).toMatch(/<form method="post" action="\/login"/);
    expect(html).toContain(t('login:start.identifier'));
    expect(html).toContain(t('login:start.password'));
    expect(html).toMatch(/name="_csrf" value="[^"]+"/);
    const css = await fetch(`${base}/static/css/site.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/text\/css/);

    await stopGroup(npm.pid!);
    expect(processesInGroup(npm.pid!)).toEqual([]);
  }, 90_000);
});
