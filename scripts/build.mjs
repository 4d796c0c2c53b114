// npm run build: bundles the server's TypeScript (server/server.ts and everything it
// imports) into one JavaScript file, dist/server.js, so that `npm start` runs it with
// plain node, without tsx's loader (its own thread and V8 isolate, about 35 MB, and
// the transpiling at every start). Packages in node_modules stay outside the bundle and
// are loaded from there; views, locales, public files and migrations are read at run
// time from the project folder (server/common/project-root.ts).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const serverBundle = path.join(projectDir, 'dist', 'server.js');

/** Builds dist/server.js; gives the milliseconds it took. */
export async function buildServer() {
  const started = performance.now();
  const result = await build({
    absWorkingDir: projectDir,
    entryPoints: ['server/server.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    outfile: serverBundle,
    write: false,
    logLevel: 'warning',
  });
  fs.mkdirSync(path.dirname(serverBundle), { recursive: true });
  // Written beside and renamed, so a server starting meanwhile never reads half a file.
  for (const file of result.outputFiles) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, file.contents);
    fs.renameSync(temporary, file.path);
  }
  return performance.now() - started;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ms = await buildServer();
  if (process.argv.includes('--verbose')) process.stderr.write(`Built ${path.relative(projectDir, serverBundle)} in ${ms.toFixed(0)} ms\n`);
}
