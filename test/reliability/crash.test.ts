import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSecrets } from '../../server/common/secrets.ts';
import { hashPassword } from '../../server/common/passwords.ts';
import { createContext } from '../../server/context.ts';
import { openDatabase } from '../../server/storage/connection.ts';
import { scenarioDir } from '../helpers/context.ts';
import { csrfFrom, loginAs, teacherLogin } from '../helpers/http.ts';
import { freePort } from '../helpers/ports.ts';

/**
 * Crash safety: the server is killed with SIGKILL while a teacher delivers letters and a
 * trainee answers them. After a restart every write the server acknowledged (answered
 * 303) is there, and SQLite's integrity check is ok.
 */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-crash-'));
const dbPath = path.join(dir, 'crash.db');
let server: ChildProcess | undefined;

async function start(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/server.ts'], {
    env: { ...process.env, DB_PATH: dbPath, PORT: String(port), LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT_PER_MINUTE: '100000' },
    stdio: 'ignore',
  });
  for (let tries = 0; tries < 300; tries += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the server did not start');
}

afterAll(() => {
  server?.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('crash safety', () => {
  it('keeps every acknowledged delivery and answer when the server is killed mid-write', async () => {
    const port = await freePort();
    server = await start(port);
    const url = `http://127.0.0.1:${port}`;

    // The CLI's way in: the same file, the same secrets, while the server runs.
    const ctx = createContext({ db: openDatabase(dbPath), secrets: loadSecrets({ secretsDir: dir }), scenarioDir });
    ctx.teachers.insert('crash-teacher', await hashPassword('crash-teacher-password'), Date.now());
    const mette = ctx.citizens.findByIdentifier('mette.hansen')!;
    const teacher = request.agent(url);
    await teacherLogin(teacher, 'crash-teacher', 'crash-teacher-password');
    const trainee = request.agent(url);
    await loginAs(trainee, ctx, 'mette.hansen', 'Hest2024', 'post');
    const answerable = ctx.db
      .prepare("SELECT id FROM letters WHERE citizen_id = ? AND answerable = 1 AND direction = 'in' LIMIT 1")
      .get(mette.id) as { id: number };
    ctx.db.close();

    const letterToken = csrfFrom((await teacher.get(`/teacher/trainees/${mette.id}/letters`)).text);
    const answerToken = csrfFrom((await trainee.get(`/post/letters/${answerable.id}/answer`)).text);
    const delivered: string[] = [];
    const answered: string[] = [];
    let running = true;

    const deliver = async (worker: number) => {
      for (let n = 0; running && n < 10_000; n += 1) {
        const subject = `crash-letter-${worker}-${n}`;
        try {
          const response = await teacher
            .post(`/teacher/trainees/${mette.id}/letters`)
            .type('form')
            .send({ _csrf: letterToken, sender: 'skattestyrelsen', subject, body: 'A letter sent while the server is killed.' });
          if (response.status === 303) delivered.push(subject);
        } catch {
          return;
        }
      }
    };
    const answer = async (worker: number) => {
      for (let n = 0; running && n < 10_000; n += 1) {
        const body = `crash-answer-${worker}-${n}`;
        try {
          const response = await trainee.post(`/post/letters/${answerable.id}/answer`).type('form').send({ _csrf: answerToken, body });
          if (response.status === 303) answered.push(body);
        } catch {
          return;
        }
      }
    };

    const writers = [deliver(1), deliver(2), answer(1), answer(2)];
    while (delivered.length + answered.length < 40) await new Promise((resolve) => setTimeout(resolve, 20));
    server.kill('SIGKILL');
    running = false;
    await Promise.all(writers);
    expect(delivered.length).toBeGreaterThan(5);
    expect(answered.length).toBeGreaterThan(5);

    server = await start(port);
    const after = openDatabase(dbPath);
    expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
    const subjects = new Set(
      (after.prepare('SELECT subject FROM letters WHERE citizen_id = ?').all(mette.id) as { subject: string }[]).map(
        (row) => JSON.parse(row.subject).da as string,
      ),
    );
    const bodies = new Set(
      (after.prepare("SELECT body FROM letters WHERE citizen_id = ? AND direction = 'out'").all(mette.id) as { body: string }[]).map(
        (row) => JSON.parse(row.body).da as string,
      ),
    );
    expect(delivered.filter((subject) => !subjects.has(subject))).toEqual([]);
    expect(answered.filter((body) => !bodies.has(body))).toEqual([]);
    after.close();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  }, 120_000);
});
