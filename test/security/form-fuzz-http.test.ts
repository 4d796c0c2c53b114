import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import request from 'supertest';
import { describe, expect, it, onTestFinished } from 'vitest';
import { hashPassword } from '../../server/common/passwords.ts';
import type { Context } from '../../server/context.ts';
import { seededContext, testContext } from '../helpers/context.ts';
import { csrfFrom, loginAs, teacherLogin, testApp, type Agent } from '../helpers/http.ts';

/**
 * Every form a trainee and a teacher can reach, found by following the links of the pages
 * as a person would, is sent hostile values (fast-check): never a server error, and
 * nothing typed comes back as live markup.
 */

const payloads = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR 1=1 --",
  '\u0000\u001b[2J',
  'x'.repeat(6000),
  '😀 æøå ß',
  '-1',
  '99999999999999999999',
];
const hostile = fc.oneof(fc.constantFrom(...payloads), fc.string({ unit: 'binary', maxLength: 120 }));

interface Form {
  action: string;
  fields: string[];
}

const skipActions = /logout|sign-out|\/end$|reset|\/block$|revoke/;

function formsOf(html: string): Form[] {
  const forms: Form[] = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const attributes = match[1]!;
    if (!/method="post"/i.test(attributes)) continue;
    const action = /action="([^"]+)"/.exec(attributes)?.[1]?.replace(/&amp;/g, '&');
    if (!action || !action.startsWith('/') || skipActions.test(action.split('?')[0]!)) continue;
    const fields = [...match[2]!.matchAll(/<(?:input|textarea|select)\b[^>]*\bname="([^"]+)"/g)]
      .map((field) => field[1]!)
      .filter((name) => name !== '_csrf');
    forms.push({ action, fields: [...new Set(fields)] });
  }
  return forms;
}

/** Follows same-site links from the start pages, as a person clicking around would. */
async function reachableForms(agent: Agent, starts: string[], limit: number): Promise<Map<string, { page: string; form: Form }>> {
  const seen = new Set<string>();
  const queue = [...starts];
  const forms = new Map<string, { page: string; form: Form }>();
  while (queue.length > 0 && seen.size < limit) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const response = await agent.get(url);
    if (response.status !== 200 || !String(response.headers['content-type']).includes('text/html')) continue;
    for (const form of formsOf(response.text))
      if (!forms.has(form.action.split('?')[0]!)) forms.set(form.action.split('?')[0]!, { page: url, form });
    for (const link of response.text.matchAll(/<a\b[^>]*href="(\/[^"#]*)"/g)) {
      const href = link[1]!.replace(/&amp;/g, '&');
      if (!/\.(pdf|csv)$|\/attachments\/|\/download|lang=/.test(href) && !seen.has(href)) queue.push(href);
    }
  }
  return forms;
}

/** Whether the page still shows the form that posts to this action. */
function showsForm(html: string, action: string): boolean {
  return formsOf(html).some((form) => form.action.split('?')[0] === action.split('?')[0]);
}

/**
 * The person's journey: the agent that walks it, and how to begin it again once an earlier
 * run has moved it on and the form is gone (deleted the letter, ended the call).
 */
interface Journey {
  agent: Agent;
  restart(): Promise<void>;
}

/**
 * A journey that restarts from the sandbox as it was when its forms were found: the database
 * is copied then and each restart opens a fresh copy (same ids, same pages) and signs in anew.
 */
function journeyFrom(ctx: Context, signIn: (agent: Agent, ctx: Context) => Promise<void>): Journey {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'form-fuzz-'));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  const snapshot = ctx.db.serialize();
  let copies = 0;
  const journey: Journey = {
    agent: request.agent(testApp(ctx, { loginRateLimitPerMinute: 100_000 })),
    async restart() {
      const dbPath = path.join(dir, `copy-${(copies += 1)}.db`);
      fs.writeFileSync(dbPath, snapshot);
      const copy = testContext({ dbPath });
      journey.agent = request.agent(testApp(copy, { loginRateLimitPerMinute: 100_000 }));
      await signIn(journey.agent, copy);
    },
  };
  return journey;
}

/** Sends hostile values to one form; every run posts, restarting the journey if the form has gone. */
async function fuzz(journey: Journey, page: string, form: Form, runs: number): Promise<number> {
  let posted = 0;
  await fc.assert(
    fc.asyncProperty(fc.record(Object.fromEntries(form.fields.map((name) => [name, hostile]))), async (values) => {
      let pageNow = await journey.agent.get(page);
      if (!showsForm(pageNow.text, form.action)) {
        await journey.restart();
        pageNow = await journey.agent.get(page);
      }
      expect(showsForm(pageNow.text, form.action), `${page} shows its form to ${form.action} after a restart`).toBe(true);
      const token = csrfFrom(pageNow.text);
      const response = await journey.agent
        .post(form.action)
        .type('form')
        .send({ ...values, _csrf: token });
      posted += 1;
      expect(response.status, `POST ${form.action}`).toBeLessThan(500);
      // A form may answer with a file (the class's PDF of key cards): supertest gives it no text.
      const text = response.text ?? '';
      expect(text, `POST ${form.action}`).not.toContain('<script>alert(1)</script>');
      expect(text, `POST ${form.action}`).not.toContain('<img src=x onerror');
    }),
    { numRuns: runs },
  );
  return posted;
}

describe('hostile input on every form a person can reach', () => {
  it('answers every trainee form without a server error', async () => {
    const ctx = await seededContext();
    const signIn = (agent: Agent, sandbox: Context) => loginAs(agent, sandbox, 'mette.hansen', 'Hest2024', 'post');
    const crawler = request.agent(testApp(ctx, { loginRateLimitPerMinute: 100_000 }));
    await signIn(crawler, ctx);
    const forms = await reachableForms(crawler, ['/', '/post', '/my-nemid', '/borger', '/skat', '/bank', '/exercises'], 120);
    const journey = journeyFrom(ctx, signIn);
    await journey.restart();
    expect(forms.size).toBeGreaterThan(8);
    for (const { page, form } of forms.values()) expect(await fuzz(journey, page, form, 6), `runs that posted to ${form.action}`).toBe(6);
  }, 300_000);

  it('answers every teacher form without a server error', async () => {
    const ctx = await seededContext();
    const teacherId = ctx.teachers.insert('fuzz-teacher', await hashPassword('fuzz-teacher-password'), Date.now());
    await ctx.scenarios.createClass('FUZZ', 'default', 3, teacherId, 'cli');
    const signIn = (agent: Agent) => teacherLogin(agent, 'fuzz-teacher', 'fuzz-teacher-password');
    const crawler = request.agent(testApp(ctx, { loginRateLimitPerMinute: 100_000 }));
    await signIn(crawler);
    const forms = await reachableForms(crawler, ['/teacher', '/teacher/classes/FUZZ', '/workshop'], 120);
    const journey = journeyFrom(ctx, signIn);
    await journey.restart();
    expect(forms.size).toBeGreaterThan(5);
    for (const { page, form } of forms.values()) expect(await fuzz(journey, page, form, 6), `runs that posted to ${form.action}`).toBe(6);
  }, 300_000);
});
