import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { lessonsFor } from '../../server/exercises/lessons.ts';
import { codeForAskedKey, seededContext } from '../helpers/context.ts';
import { submitForm, testApp, visibleText } from '../helpers/http.ts';

/** The "why, and what to do now" box of a page, as text. */
function lessonOf(html: string): string {
  const box = /<section class="lesson"[\s\S]*?<\/section>/.exec(html)?.[0];
  return box ? visibleText(box).trim() : '';
}

async function setup() {
  const ctx = await seededContext();
  const app = testApp(ctx, { loginRateLimitPerMinute: 10_000 });
  return { ctx, agent: request.agent(app) };
}

const passwordStep = (agent: request.Agent, identifier: string, password: string, lang = 'en') =>
  submitForm(agent, `/login?service=mynemid&lang=${lang}&screens=full`, '/login', { identifier, password, service: 'mynemid' });

describe('the rule behind a wrong password', () => {
  it('explains case, guessing and never writing it down, the same for an unknown user ID', async () => {
    const { agent } = await setup();
    const wrong = await passwordStep(agent, 'mette.hansen', 'hest2025');
    expect(wrong.status).toBe(401);
    const lesson = lessonOf(wrong.text);
    expect(lesson).toContain('Capital and small letters count the same in NemID, so Caps Lock is not the problem.');
    expect(lesson).toContain('Never write the password down.');
    expect(wrong.text).toContain('<a href="/nemid/temporary-password?from=mynemid">Forgot your password?</a>');
    const unknown = await passwordStep(agent, 'nobody.here', 'hest2025');
    expect(lessonOf(unknown.text)).toBe(lesson);
  });

  it('says in Danish when a LOCK001 ends by itself and what to do instead of guessing', async () => {
    const { agent } = await setup();
    let last = await passwordStep(agent, 'mette.hansen', 'forkert1', 'da');
    for (let attempt = 2; attempt <= 5; attempt += 1) last = await passwordStep(agent, 'mette.hansen', 'forkert1', 'da');
    expect(last.status).toBe(423);
    const lesson = lessonOf(last.text);
    expect(lesson).toMatch(/Denne lås ophører af sig selv \d/);
    expect(lesson).toContain('bestil en midlertidig adgangskode i stedet for at gætte');
    expect(last.text).toContain('<a href="/nemid/temporary-password?from=mynemid">Bestil en midlertidig adgangskode</a>');
  });

  it('sends a LOCK002 (in German) and a LOCK003 to NemID support, and repeats the one-code rule', async () => {
    const { agent } = await setup();
    const lars = await passwordStep(agent, 'lars.berg', 'Stol2468', 'de');
    expect(lessonOf(lars.text)).toContain('Jetzt kann nur noch der NemID-Support Ihre NemID wieder öffnen.');
    expect(lars.text).toContain('<a href="/nemid/phone">Den NemID-Support anrufen</a>');
    const piotr = await passwordStep(agent, 'piotr.nowak', 'Havn1357', 'en');
    expect(lessonOf(piotr.text)).toContain('Remember: a real site asks for exactly one code each time.');
  });

  it('tells a trainee who blocked the NemID how a temporary password opens it again', async () => {
    const { ctx, agent } = await setup();
    ctx.blocking.blockByOwner(ctx.citizens.findByIdentifier('anna.schmidt')!.id, 'lost-card', {
      actor: 'trainee',
      channel: 'self-service',
    });
    const refused = await passwordStep(agent, 'anna.schmidt', 'Sommer42', 'en');
    expect(lessonOf(refused.text)).toContain('order a temporary password: it comes by post after 3 to 4 working days');
  });
});

describe('the rule behind a wrong key code', () => {
  async function atKeyStep(identifier: string, password: string) {
    const { ctx, agent } = await setup();
    expect((await passwordStep(agent, identifier, password)).status).toBe(303);
    const citizen = ctx.citizens.findByIdentifier(identifier)!;
    const card = ctx.keycards.cardForLogin(citizen.id, ctx.clock.now(citizen.classId))!;
    const asked = codeForAskedKey(ctx, identifier);
    const printed = ctx.keycards.printed(card);
    return { ctx, agent, asked, printed, card };
  }

  it('points to the right line of the card when the code of another key was typed, without giving the code', async () => {
    const { agent, asked, printed } = await atKeyStep('ahmed.karimi', 'Bog7531x');
    const other = printed.find((entry) => entry.key !== asked.key && !entry.used)!;
    const response = await submitForm(agent, '/login/key', '/login/key', { code: other.code });
    expect(response.status).toBe(401);
    const lesson = lessonOf(response.text);
    expect(lesson).toContain(`Find number ${asked.key} on your card: its code is the 6 digits right next to it`);
    expect(response.text).not.toContain(asked.code);
  });

  it('explains that a code works once and that a site asking for several codes is a fake', async () => {
    const { agent, printed } = await atKeyStep('jens.nielsen', 'Cykel8642');
    const used = printed.find((entry) => entry.used)!;
    const response = await submitForm(agent, '/login/key?lang=de&screens=full', '/login/key', { code: used.code });
    expect(lessonOf(response.text)).toContain('Wenn eine Seite mehrere Codes will, schließen Sie sie: Sie ist eine Fälschung.');
  });

  it('asks to check the newest card and the line of the asked key after a code that fits no key', async () => {
    const { agent, asked, printed, card } = await atKeyStep('mette.hansen', 'Hest2024');
    const codes = new Set(printed.map((entry) => entry.code));
    const nowhere = ['000000', '111111', '222222', '999999'].find((code) => !codes.has(code))!;
    const response = await submitForm(agent, '/login/key', '/login/key', { code: nowhere });
    expect(lessonOf(response.text)).toContain(
      `your newest key card (its number ends in ${card.cardNumber.slice(-3)}) and that you read the line of key ${asked.key}`,
    );
  });

  it('says a code is exactly 6 digits when the form is wrong', async () => {
    const { agent } = await atKeyStep('mette.hansen', 'Hest2024');
    const response = await submitForm(agent, '/login/key', '/login/key', { code: '12 ab' });
    expect(response.status).toBe(400);
    expect(lessonOf(response.text)).toContain('The code is exactly 6 digits. Type only the digits, without spaces.');
  });
});

describe('lessons', () => {
  it('follow only mistakes: a page without one has no lesson', async () => {
    const { agent } = await setup();
    expect(lessonOf((await agent.get('/login?lang=en')).text)).toBe('');
    expect(lessonsFor({ errors: {}, refusal: null, feedback: null })).toEqual([]);
  });

  it('explain why the new password is typed twice', () => {
    const lessons = lessonsFor({ errors: { repeat: ['credentials:password.repeatDiffers'], password: ['credentials:password.length'] } });
    expect(lessons.map((lesson) => lesson.key)).toEqual(['guide:lessons.repeatPassword', 'guide:lessons.passwordRules']);
  });
});
