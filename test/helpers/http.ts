import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../../server/app.ts';
import type { Context } from '../../server/context.ts';
import { testConfig } from './context.ts';

export type Agent = ReturnType<typeof request.agent>;

export function testApp(ctx: Context, overrides: Parameters<typeof testConfig>[0] = {}): Express {
  return createApp(ctx, testConfig(overrides));
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
  return agent.post(action).type('form').send({ ...fields, _csrf: csrfFrom(page.text) });
}

/** Text of the page without tags, for assertions on what a person reads. */
export function visibleText(html: string): string {
  return html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
}
