import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testContext } from '../helpers/context.ts';
import { loginAs, testApp, visibleText } from '../helpers/http.ts';

let dir: string;
const dbPath = () => path.join(dir, 'letters.db');

function sandbox(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', ...args], {
    env: { ...process.env, DB_PATH: dbPath(), KEYCARD_SECRET: 'cli-letters-keycard-secret-0123456789' },
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-letters-'));
  expect(sandbox('scenario', 'load', 'default').code).toBe(0);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('sandbox letter send and sandbox letters', () => {
  it('lists a mailbox as JSON with id, sender, subject, read, folder and deliveredAt', () => {
    const { code, out } = sandbox('letters', 'mette.hansen', '--json');
    expect(code).toBe(0);
    const letters = JSON.parse(out);
    expect(letters.length).toBe(5);
    for (const letter of letters) expect(Object.keys(letter).sort()).toEqual(['deliveredAt', 'folder', 'id', 'read', 'sender', 'subject']);
    expect(letters).toContainEqual(
      expect.objectContaining({ sender: 'Skattestyrelsen', subject: 'Din årsopgørelse for 2025 er klar', read: false, folder: 'inbox' }),
    );
    expect(letters.find((l: { subject: string }) => l.subject.startsWith('Lønseddel')).read).toBe(true);
    expect(letters.map((l: { subject: string }) => l.subject)).not.toContain('Boligstøtte – vi har brug for oplysninger');
  });

  it('delivers a letter to one trainee now, and it is in the open inbox on the next page load', async () => {
    const ctx = testContext({ dbPath: dbPath(), keycardSecret: 'cli-letters-keycard-secret-0123456789' });
    const agent = request.agent(testApp(ctx));
    await loginAs(agent, ctx, 'mette.hansen', 'Hest2024', 'post');
    expect(visibleText((await agent.get('/post')).text)).not.toContain('Husk mødet');

    const sent = sandbox(
      'letter',
      'send',
      '--to',
      'mette.hansen',
      '--from',
      'kommune',
      '--subject',
      'Husk mødet',
      '--body',
      'Mødet er på torsdag.',
    );
    expect(sent.code).toBe(0);
    expect(sent.out).toContain('to 1 mailbox');
    const page = visibleText((await agent.get('/post')).text);
    expect(page).toContain('Husk mødet');
    expect(page).toContain('Fiktiv Kommune, Borgerservice');

    const letters = JSON.parse(sandbox('letters', 'mette.hansen', '--json').out);
    expect(letters.find((l: { subject: string }) => l.subject === 'Husk mødet')).toMatchObject({
      read: false,
      folder: 'inbox',
      sender: 'Fiktiv Kommune, Borgerservice',
    });
    ctx.db.close();
  });

  it('delivers to a whole class', () => {
    const { code, out } = sandbox(
      'letter',
      'send',
      '--class',
      'DEMO',
      '--from',
      'Nets DanID',
      '--subject',
      'Nyt om NemID',
      '--body',
      'Tekst',
      '--json',
    );
    expect(code).toBe(0);
    expect(JSON.parse(out).length).toBe(10);
    const ahmed = JSON.parse(sandbox('letters', 'ahmed.karimi', '--json').out);
    expect(ahmed.at(-1)).toMatchObject({ sender: 'Nets DanID', subject: 'Nyt om NemID' });
  });

  it('refuses a send without a recipient or with both, and an unknown trainee', () => {
    expect(sandbox('letter', 'send', '--from', 'kommune', '--subject', 'A', '--body', 'B')).toMatchObject({ code: 2 });
    const both = sandbox('letter', 'send', '--class', 'DEMO', '--to', 'mette.hansen', '--from', 'kommune', '--subject', 'A', '--body', 'B');
    expect(both.code).toBe(2);
    expect(both.err).toContain('Give either --class <code> or --to <userId>');
    expect(sandbox('letters', 'nobody.here', '--json').code).toBe(2);
  });
});
