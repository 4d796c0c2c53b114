import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { seededContext } from '../helpers/context.ts';
import { binaryBody, testApp } from '../helpers/http.ts';

describe('the favicon', () => {
  it('is a neutral SVG envelope marked "Øve", linked from every page, and /favicon.ico finds it', async () => {
    const app = testApp(await seededContext());
    const home = await request(app).get('/');
    expect(home.text).toContain('<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">');
    const svg = await request(app).get('/static/favicon.svg').buffer(true).parse(binaryBody);
    expect(svg.status).toBe(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    const text = (svg.body as Buffer).toString('utf8');
    expect(text).toContain('>Øve</text>');
    expect(text).not.toMatch(/nemid/i);
    const ico = await request(app).get('/favicon.ico');
    expect(ico.status).toBe(301);
    expect(ico.headers.location).toBe('/static/favicon.svg');
    const followed = await request(app).get(ico.headers.location!);
    expect(followed.status).toBe(200);
  });
});
