import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../../server/app.ts';
import type { Context } from '../../server/context.ts';
import { testConfig } from './context.ts';

export type Agent = ReturnType<typeof request.agent>;

export function testApp(ctx: Context, overrides: Parameters<typeof testConfig>[0] = {}): Express {
  return createApp(ctx, testConfig(overrides));
}

/** A superagent parser that keeps the response body as its bytes (a PDF, a CSV with its byte-order mark): `.buffer(true).parse(binaryBody)`. */
export function binaryBody(res: unknown, done: (error: Error | null, body: Buffer) => void): void {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

/** Reads the CSRF token out of a rendered form. */
export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('The page has no CSRF token');
  return match[1]!;
}

/** GETs a page with a form, then POSTs the form with its CSRF token, as a browser would. */
export async function submitForm(agent: Agent, formPage: string, action: string, fields: Record<string, string>) {
  const page = await agent.get(formPage);
  return agent
    .post(action)
    .type('form')
    .send({ ...fields, _csrf: csrfFrom(page.text) });
}

/** Text of the page without tags, for assertions on what a person reads. */
export function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** Logs an agent in with the full three-part NemID login over HTTP. */
export async function loginAs(agent: Agent, ctx: Context, identifier: string, password: string, service = 'mynemid'): Promise<void> {
  const step1 = await submitForm(agent, `/login?service=${service}`, '/login', { identifier, password, service });
  if (step1.status !== 303) throw new Error(`Password step for ${identifier} answered ${step1.status}`);
  const citizen = ctx.citizens.findByIdentifier(identifier)!;
  const card = ctx.keycards.cardForLogin(citizen.id, ctx.clock.now(citizen.classId))!;
  const key = ctx.keycards.challenge(card);
  const code = ctx.keycards.printed(card).find((entry) => entry.key === key)!.code;
  const step2 = await submitForm(agent, '/login/key', '/login/key', { code });
  if (step2.status !== 303) throw new Error(`Key step for ${identifier} answered ${step2.status}`);
}

/** Logs an agent in to the teacher console. */
export async function teacherLogin(agent: Agent, username: string, password: string): Promise<void> {
  const response = await submitForm(agent, '/teacher/login', '/teacher/login', { username, password });
  if (response.status !== 303) throw new Error(`Teacher login for ${username} answered ${response.status}`);
}

/** Every route of the app (method and path), read from Express's own route table. */
export function routeTable(app: Express): { method: string; path: string }[] {
  const routes: { method: string; path: string }[] = [];
  const walk = (stack: unknown[]) => {
    for (const layer of stack as { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: unknown[] } }[]) {
      if (layer.route)
        for (const method of Object.keys(layer.route.methods)) routes.push({ method: method.toUpperCase(), path: layer.route.path });
      else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: unknown[] } }).router.stack);
  return routes;
}
