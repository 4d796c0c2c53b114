import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { seededContext } from '../helpers/context.ts';
import { loginAs, submitForm, testApp } from '../helpers/http.ts';

/** A tiny help-only locale of our own (code zz, right to left), with one guide text and nothing else. */
function fixtureLocales(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'help-locale-'));
  fs.mkdirSync(path.join(dir, 'zz'));
  fs.writeFileSync(path.join(dir, 'zz', '_language.json'), JSON.stringify({ name: 'Zedisch', dir: 'rtl', checkedByNativeSpeaker: false }));
  fs.writeFileSync(path.join(dir, 'zz', 'guide.json'), JSON.stringify({ panel: { label: 'Zed-guide:', notChecked: 'Zed-unchecked.' } }));
  return dir;
}

async function setup(extraLocalesDir?: string) {
  const ctx = await seededContext();
  const app = testApp(ctx, extraLocalesDir ? { extraLocalesDir } : {});
  return { ctx, app, agent: request.agent(app) };
}

/** The translation tied to the element that holds `text`: the id in its aria-describedby, then that element's text and lang. */
function translationOf(html: string, text: string): { text: string; lang: string; dir: string } | undefined {
  const element = new RegExp(`aria-describedby="(?:[^"]* )?(tr-\\d+)"[^>]*>${text}<`).exec(html);
  if (!element) return undefined;
  const tip = new RegExp(`id="${element[1]}" role="tooltip" lang="([^"]+)" dir="([^"]+)">([^<]*)<`).exec(html);
  return tip ? { lang: tip[1]!, dir: tip[2]!, text: tip[3]! } : undefined;
}

describe('practise in Danish', () => {
  it('is the default for a trainee who chose English: Danish screens, each label and button translated, help in English', async () => {
    const { agent } = await setup();
    const page = await agent.get('/login?lang=en');
    expect(page.text).toContain('<html lang="da"');
    expect(page.text).toMatch(/<h1[^>]*>Log på med NemID<\/h1>/);
    expect(translationOf(page.text, 'Næste')).toEqual({ text: 'Next', lang: 'en', dir: 'ltr' });
    expect(translationOf(page.text, 'Log på med NemID')).toEqual({ text: 'Log in with NemID', lang: 'en', dir: 'ltr' });
    // A label's translation describes its field; the label itself keeps the Danish name.
    expect(page.text).toMatch(/<label for="identifier" data-tr>Bruger-id<\/label><span class="tr" id="(tr-\d+)"[^>]*>User ID</);
    const labelTip = /<label for="identifier" data-tr>Bruger-id<\/label><span class="tr" id="(tr-\d+)"/.exec(page.text)![1];
    expect(page.text).toMatch(new RegExp(`<input id="identifier"[^>]*aria-describedby="identifier-hint ${labelTip}"`));
    expect(page.text).toMatch(/class="training-banner" role="note" lang="en" dir="ltr">\s*<strong>Training environment\.<\/strong>/);

    // A wrong password: the screen's error in Danish, the explanation in English.
    const wrong = await submitForm(agent, '/login', '/login', { identifier: 'mette.hansen', password: 'forkert', service: 'mynemid' });
    expect(wrong.text).toMatch(/<section class="lesson"[^>]*lang="en" dir="ltr">/);
    expect(wrong.text).toContain('Check your user ID and your password, slowly.');
  });

  it('a Danish trainee gets Danish pages with no translations and no switch', async () => {
    const { agent } = await setup();
    const page = await agent.get('/login');
    expect(page.text).toContain('<html lang="da"');
    expect(page.text).not.toContain('class="tr"');
    expect(page.text).not.toContain('screens-switch');
  });

  it('"Everything in English" is a switch on every page, remembered in a cookie, and back again', async () => {
    const { agent } = await setup();
    const danish = await agent.get('/nemid?lang=en');
    expect(danish.text).toMatch(/<a href="\/nemid\?screens=full" lang="en" dir="ltr">Everything in English<\/a>/);
    expect(danish.text).toMatch(/aria-current="true">Danish screens with help in English<\/a>/);

    const full = await agent.get('/login?screens=full');
    expect(full.text).toContain('<html lang="en"');
    expect(full.text).toMatch(/<h1[^>]*>Log in with NemID<\/h1>/);
    expect(full.text).not.toContain('class="tr"');
    expect(full.text).toMatch(/aria-current="true">Everything in English<\/a>/);
    expect((await agent.get('/nemid')).text).toContain('<html lang="en"');

    const back = await agent.get('/login?screens=danish');
    expect(back.text).toContain('<html lang="da"');
    expect((await agent.get('/login')).text).toContain('<html lang="da"');

    const german = await agent.get('/login?lang=de');
    expect(translationOf(german.text, 'Næste')).toEqual({ text: 'Weiter', lang: 'de', dir: 'ltr' });
    expect(german.text).toContain('Alles auf Deutsch</a>');
  });

  it('leaves teacher, issuer and facilitator pages in the chosen language', async () => {
    const { agent } = await setup();
    await agent.get('/login?lang=en');
    for (const url of ['/teacher/login', '/issuer/login']) {
      const page = await agent.get(url);
      expect(page.text, url).toContain('<html lang="en"');
      expect(page.text, url).not.toContain('class="tr"');
      expect(page.text, url).not.toContain('screens-switch');
    }
  });

  it('a trainee of a class with their own language gets Danish screens with help in it, as on the printouts', async () => {
    const { ctx, agent } = await setup();
    await loginAs(agent, ctx, 'ahmed.karimi', 'Bog7531x');
    const page = await agent.get('/my-nemid');
    expect(page.text).toContain('<html lang="da"');
    expect(page.text).toContain('Danish screens with help in English</a>');
    expect(page.text).toMatch(/role="tooltip" lang="en"/);
  });

  it('a help-only language plugs in from its folder: lang and dir on the help, English for a missing key, marked as not checked', async () => {
    const { agent } = await setup(fixtureLocales());
    const page = await agent.get('/login?lang=zz').set('Cookie', 'sandbox.prefs=guide%3Don');
    expect(page.text).toContain('<html lang="da"');
    expect(page.text).toMatch(/<a href="\/login\?lang=zz" lang="zz" hreflang="zz" aria-current="true">Zedisch<\/a>/);
    const panel = /<aside class="guide-panel"[^>]*>[\s\S]*?<\/aside>/.exec(page.text)![0];
    expect(panel).toContain('lang="zz" dir="rtl"');
    expect(panel).toContain('Zed-guide:'); // its own text
    expect(panel).toContain('Logging in, part 1 of 2'); // a key it lacks, in English
    expect(panel).toMatch(
      /Zed-unchecked\. <span lang="en" dir="ltr">These help texts are a careful translation that no native speaker has checked yet\.<\/span>/,
    );
    // Tooltips are in the help language, here English words for the keys zz lacks, marked zz.
    expect(translationOf(page.text, 'Næste')).toEqual({ text: 'Next', lang: 'zz', dir: 'rtl' });
    // "Everything in English" leaves the help-only language.
    expect(page.text).toMatch(/<a href="\/login\?lang=en&amp;screens=full" lang="en" dir="ltr">Everything in English<\/a>/);
    const english = await agent.get('/login?lang=en&screens=full');
    expect(english.text).toContain('<html lang="en"');
    expect((await agent.get('/login')).text).not.toContain('lang="zz" hreflang="zz" aria-current');
  });
});
