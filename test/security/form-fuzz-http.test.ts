import fc from 'fast-check';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/common/passwords.ts';
import { seededContext } from '../helpers/context.ts';
import { csrfFrom, loginAs, teacherLogin, testApp, type Agent } from '../helpers/http.ts';

/**
 * Every form a trainee and a teacher can reach, found by following the links of the pages
 * as a person would, is sent hostile values (fast-check): never a server error, and
 * nothing typed comes back as live markup.
 */

const payloads = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "' OR 1=1 --", '\u0000\u001b[2J', 'x'.repeat(6000), '😀 æøå ß', '-1', '99999999999999999999'];
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
    const fields = [...match[2]!.matchAll(/<(?:input|textarea|select)\b[^>]*\bname="([^"]+)"/g)].map((field) => field[1]!).filter((name) => name !== '_csrf');
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
    for (const form of formsOf(response.text)) if (!forms.has(form.action.split('?')[0]!)) forms.set(form.action.split('?')[0]!, { page: url, form });
    for (const link of response.text.matchAll(/<a\b[^>]*href="(\/[^"#]*)"/g)) {
      const href = link[1]!.replace(/&amp;/g, '&');
      if (!/\.(pdf|csv)$|\/attachments\/|\/download|lang=/.test(href) && !seen.has(href)) queue.push(href);
    }
  }
  return forms;
}

async function fuzz(agent: Agent, page: string, form: Form, runs: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.record(Object.fromEntries(form.fields.map((name) => [name, hostile]))), async (values) => {
      const pageNow = await agent.get(page);
      // An earlier run may have moved the journey on (the form is gone): nothing more to send.
      if (!pageNow.text.includes('name="_csrf"')) return;
      const token = csrfFrom(pageNow.text);
      const response = await agent.post(form.action).type('form').send({ ...values, _csrf: token });
      expect(response.status, `POST ${form.action}`).toBeLessThan(500);
      // A form may answer with a file (the class's PDF of key cards): supertest gives it no text.
      const text = response.text ?? '';
      expect(text, `POST ${form.action}`).not.toContain('<script>alert(1)</script>');
      expect(text, `POST ${form.action}`).not.toContain('<img src=x onerror');
    }),
    { numRuns: runs },
  );
}

describe('hostile input on every form a person can reach', () => {
  it('answers every trainee form without a server error', async () => {
    const ctx = await seededContext();
    const app = testApp(ctx, { loginRateLimitPerMinute: 100_000 });
    const trainee = request.agent(app);
    await loginAs(trainee, ctx, 'mette.hansen', 'Hest2024', 'post');
    const forms = await reachableForms(trainee, ['/', '/post', '/my-nemid', '/borger', '/skat', '/bank', '/exercises'], 120);
    expect(forms.size).toBeGreaterThan(8);
    for (const { page, form } of forms.values()) await fuzz(trainee, page, form, 6);
  }, 300_000);

  it('answers every teacher form without a server error', async () => {
    const ctx = await seededContext();
    const teacherId = ctx.teachers.insert('fuzz-teacher', await hashPassword('fuzz-teacher-password'), Date.now());
    await ctx.scenarios.createClass('FUZZ', 'default', 3, teacherId, 'cli');
    const app = testApp(ctx, { loginRateLimitPerMinute: 100_000 });
    const teacher = request.agent(app);
    await teacherLogin(teacher, 'fuzz-teacher', 'fuzz-teacher-password');
    const forms = await reachableForms(teacher, ['/teacher', '/teacher/classes/FUZZ', '/workshop'], 120);
    expect(forms.size).toBeGreaterThan(5);
    for (const { page, form } of forms.values()) await fuzz(teacher, page, form, 6);
  }, 300_000);
});
