import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/common/passwords.ts';
import { seededContext } from '../helpers/context.ts';
import { csrfFrom, loginAs, submitForm, teacherLogin, testApp, visibleText, type Agent } from '../helpers/http.ts';

async function setup() {
  const ctx = await seededContext();
  const app = testApp(ctx);
  return { ctx, app, agent: request.agent(app) };
}

async function logOut(agent: Agent): Promise<void> {
  const page = await agent.get('/my-nemid');
  await agent
    .post('/logout')
    .type('form')
    .send({ _csrf: csrfFrom(page.text) });
}

describe('the trainee’s home of exercises', () => {
  it('asks a visitor it does not know to log in or to practise alone', async () => {
    const { agent } = await setup();
    const page = await agent.get('/exercises?lang=en&screens=full');
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain('Your exercises appear here once the sandbox knows who you are');
    expect(page.text).toContain('href="/login?service=mynemid"');
  });

  it('celebrates the first login once on the next page, with the next step, and ticks it on the list', async () => {
    const { ctx, agent } = await setup();
    await agent.get('/?lang=en&screens=full');
    await loginAs(agent, ctx, 'ahmed.karimi', 'Bog7531x');
    const first = visibleText((await agent.get('/my-nemid')).text);
    expect(first).toContain('Well done! You have done the exercise “Log in with NemID”.');
    expect(first).toContain('1 of 5 exercises done.');
    expect(first).toContain('Next step: Read the letter from Skattestyrelsen.');
    const again = visibleText((await agent.get('/my-nemid')).text);
    expect(again).not.toContain('Well done!');
    const list = await agent.get('/exercises');
    expect(visibleText(list.text)).toContain('Exercises for Ahmed Fiktiv Karimi: 1 of 5 done.');
    expect(list.text).toMatch(/class="exercise done">[\s\S]*?Log in with NemID[\s\S]*?Done \d/);
    expect(list.text).toMatch(/class="exercise todo next">[\s\S]*?Read the letter from Skattestyrelsen/);
  });

  it('does not bring old congratulations back at a later login, even in a browser that has forgotten them', async () => {
    const { ctx, app, agent } = await setup();
    await loginAs(agent, ctx, 'ahmed.karimi', 'Bog7531x', 'post');
    expect(visibleText((await agent.get('/my-nemid?lang=en&screens=full')).text)).toContain(
      'You have done the exercise “Log in with NemID”.',
    );
    const citizen = ctx.citizens.findByIdentifier('ahmed.karimi')!;
    const tax = ctx.mailbox.arrivedLetters(citizen.id).find((letter) => letter.senderKey === 'skattestyrelsen')!;
    expect(visibleText((await agent.get(`/post/letters/${tax.id}`)).text)).toContain(
      'You have done the exercise “Read the letter from Skattestyrelsen”.',
    );
    await logOut(agent);

    for (const browser of [agent, request.agent(app)]) {
      await browser.get('/?lang=en&screens=full');
      await loginAs(browser, ctx, 'ahmed.karimi', 'Bog7531x', 'post');
      const page = visibleText((await browser.get('/my-nemid')).text);
      expect(page).not.toContain('Well done!');
      expect(visibleText((await browser.get('/exercises')).text)).toContain('2 of 5 done.');
      await logOut(browser);
    }

    const fresh = request.agent(app);
    await fresh.get('/?lang=en&screens=full');
    await loginAs(fresh, ctx, 'ahmed.karimi', 'Bog7531x', 'post');
    const answer = await submitForm(fresh, `/post/letters/${tax.id}/answer`, `/post/letters/${tax.id}/answer`, {
      body: 'Tak, det ser rigtigt ud.',
    });
    expect(answer.status).toBe(303);
    const news = visibleText((await fresh.get(answer.headers.location!)).text);
    expect(news).toContain('You have done the exercise “Answer the letter from Skattestyrelsen”.');
    expect(news).not.toContain('Log in with NemID”.');
  });

  it('keeps the progress across sessions: logged out and in again, the login is still done', async () => {
    const { ctx, agent } = await setup();
    await loginAs(agent, ctx, 'anna.schmidt', 'Sommer42');
    await logOut(agent);
    const other = request.agent(testApp(ctx));
    await loginAs(other, ctx, 'anna.schmidt', 'Sommer42');
    const list = visibleText((await other.get('/exercises?lang=de&screens=full')).text);
    expect(list).toContain('Übungen für Anna Fiktiv Schmidt: 1 von 5 geschafft.');
  });

  it('ticks reading the letter from Skattestyrelsen when the trainee opens it in Digital Post', async () => {
    const { ctx, agent } = await setup();
    await loginAs(agent, ctx, 'ahmed.karimi', 'Bog7531x', 'post');
    await agent.get('/my-nemid?lang=en&screens=full');
    const citizen = ctx.citizens.findByIdentifier('ahmed.karimi')!;
    const tax = ctx.mailbox.arrivedLetters(citizen.id).find((letter) => letter.senderKey === 'skattestyrelsen')!;
    const letter = visibleText((await agent.get(`/post/letters/${tax.id}`)).text);
    expect(letter).toContain('You have done the exercise “Read the letter from Skattestyrelsen”.');
    expect(letter).toContain('Next step: Answer the letter from Skattestyrelsen.');
  });

  it('shows a practising trainee their exercises on the welcome page before any login', async () => {
    const { agent } = await setup();
    await submitForm(agent, '/?lang=en&screens=full', '/practice', {});
    const welcome = visibleText((await agent.get('/practice/welcome')).text);
    expect(welcome).toContain('Your exercises 0 of 5 done.');
    expect(welcome).toContain('Activate your NemID and choose your own password Next step');
    const list = visibleText((await agent.get('/exercises')).text);
    expect(list).toContain('0 of 5 done.');
  });

  it('links the exercises from the header and from My NemID once the trainee is known', async () => {
    const { ctx, agent } = await setup();
    expect((await agent.get('/?lang=en&screens=full')).text).not.toContain('class="exercises-link"');
    await loginAs(agent, ctx, 'mette.hansen', 'Hest2024');
    const page = await agent.get('/my-nemid');
    expect(page.text).toContain('<a href="/exercises" class="exercises-link">My exercises</a>');
    expect(visibleText(page.text)).toContain('See your exercises and the next step');
  });
});

describe('display settings', () => {
  it('sets a larger text and high contrast as classes on the page, kept in a cookie', async () => {
    const { agent } = await setup();
    const first = await agent.get('/login?lang=en&screens=full');
    expect(first.text).toContain('<html lang="en">');
    const larger = await agent
      .post('/preferences')
      .type('form')
      .send({ _csrf: csrfFrom(first.text), textSize: 'larger', back: '/login?service=post' });
    expect(larger.status).toBe(303);
    expect(larger.headers.location).toBe('/login?service=post');
    const again = csrfFrom((await agent.get('/login')).text);
    const contrast = await agent.post('/preferences').type('form').send({ _csrf: again, contrast: 'high', back: '/login' });
    expect(contrast.status).toBe(303);
    const page = await agent.get('/login');
    expect(page.text).toContain('<html lang="en" class="text-larger contrast-high">');
    expect(page.text).toMatch(/value="larger" class="tool-button size-larger" aria-pressed="true"/);
    expect(page.text).toContain('<link rel="stylesheet" href="/static/css/themes.css">');
  });

  it('refuses a form that chooses nothing valid with a message in the page’s language, and changes nothing', async () => {
    const { agent } = await setup();
    const form = await agent.get('/preferences?lang=de&screens=full');
    const refused = await agent
      .post('/preferences')
      .type('form')
      .send({ _csrf: csrfFrom(form.text), textSize: 'huge', contrast: 'neon' });
    expect(refused.status).toBe(400);
    expect(visibleText(refused.text)).toContain('Wählen Sie eine Textgröße, einen Kontrast oder die Anleitung');
    expect(([] as string[]).concat(refused.headers['set-cookie'] ?? []).some((cookie) => cookie.startsWith('sandbox.prefs='))).toBe(false);
    expect((await agent.get('/preferences')).text).toContain('<html lang="de">');
  });

  it('returns to the form’s own page from a page that a form’s POST rendered', async () => {
    const { agent } = await setup();
    const form = await agent.get('/login?service=post&lang=en&screens=full');
    const failed = await agent
      .post('/login')
      .set('Referer', 'http://127.0.0.1/login?service=post')
      .type('form')
      .send({ _csrf: csrfFrom(form.text), identifier: 'nobody.here', password: 'wrong1', service: 'post' });
    expect(failed.status).toBe(401);
    expect(failed.text).toContain('<input type="hidden" name="back" value="/login?service=post">');
  });

  it('goes back only to a page of the sandbox, never to another host', async () => {
    const { agent } = await setup();
    for (const back of ['//evil.example/login', 'https://evil.example/', '/\\evil.example']) {
      const form = await agent.get('/preferences');
      const response = await agent
        .post('/preferences')
        .type('form')
        .send({ _csrf: csrfFrom(form.text), textSize: 'large', back });
      expect(response.headers.location, back).toBe('/');
    }
  });
});

describe('the guide', () => {
  it('explains the key step with a drawing of the key card, the asked key highlighted, when the trainee turns it on', async () => {
    const { ctx, agent } = await setup();
    const start = await agent.get('/login?lang=en&screens=full');
    expect(start.text).not.toContain('data-testid="guide"');
    await agent
      .post('/preferences')
      .type('form')
      .send({ _csrf: csrfFrom(start.text), guide: 'on', back: '/login' });
    const guided = await agent.get('/login');
    expect(guided.text).toContain('<html lang="en" class="guided">');
    expect(visibleText(guided.text)).toContain('Guide: Logging in, part 1 of 2 A NemID login has three parts');
    await submitForm(agent, '/login', '/login', { identifier: 'mette.hansen', password: 'Hest2024', service: 'mynemid' });
    const keyPage = await agent.get('/login/key');
    const citizen = ctx.citizens.findByIdentifier('mette.hansen')!;
    const key = ctx.keycards.challenge(ctx.keycards.cardForLogin(citizen.id, ctx.clock.now(citizen.classId))!);
    expect(keyPage.text).toMatch(new RegExp(`keycard-drawing-cell asked"><span class="keycard-drawing-key">${key}</span>`));
    expect(visibleText(keyPage.text)).toContain(`Find key ${key} on your key card and type the 6 digits printed right next to it.`);
  });

  it('is on for every trainee of a class whose teacher switched it on, unless the trainee turns it off', async () => {
    const ctx = await seededContext();
    const app = testApp(ctx);
    await ctx.teachers.insert('teacher-a', await hashPassword('teacher-a-password'), Date.now());
    const teacher = request.agent(app);
    await teacherLogin(teacher, 'teacher-a', 'teacher-a-password');
    const klass = await teacher.get('/teacher/classes/DEMO?lang=en&screens=full');
    expect(visibleText(klass.text)).toContain('The guide is off for this class.');
    const switched = await teacher
      .post('/teacher/classes/DEMO/guide')
      .type('form')
      .send({ _csrf: csrfFrom(klass.text), guided: 'on' });
    expect(switched.status).toBe(303);
    expect(visibleText((await teacher.get('/teacher/classes/DEMO')).text)).toContain('The guide is now on for every trainee of the class.');

    const trainee = request.agent(app);
    await loginAs(trainee, ctx, 'jens.nielsen', 'Cykel8642');
    const home = await trainee.get('/my-nemid?lang=en&screens=full');
    expect(visibleText(home.text)).toContain('Guide: You are logged in');
    await trainee
      .post('/preferences')
      .type('form')
      .send({ _csrf: csrfFrom(home.text), guide: 'off', back: '/my-nemid' });
    expect((await trainee.get('/my-nemid')).text).not.toContain('data-testid="guide"');
  });

  it('lets only a teacher who may see the class switch its guide', async () => {
    const ctx = await seededContext();
    const app = testApp(ctx);
    const owner = await ctx.teachers.insert('teacher-a', await hashPassword('teacher-a-password'), Date.now());
    await ctx.teachers.insert('teacher-b', await hashPassword('teacher-b-password'), Date.now());
    await ctx.scenarios.createClass('MINE', 'default', 2, owner, 'cli');
    const other = request.agent(app);
    await teacherLogin(other, 'teacher-b', 'teacher-b-password');
    const page = await other.get('/teacher');
    const refused = await other
      .post('/teacher/classes/MINE/guide')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), guided: 'on' });
    expect(refused.status).toBe(404);
    expect(ctx.exercises.classGuided(ctx.classes.findByCode('MINE')!.id)).toBe(false);
    const trainee = request.agent(app);
    await loginAs(trainee, ctx, 'mette.hansen', 'Hest2024');
    const token = csrfFrom((await trainee.get('/my-nemid')).text);
    const asTrainee = await trainee.post('/teacher/classes/DEMO/guide').type('form').send({ _csrf: token, guided: 'on' });
    expect(asTrainee.status).toBe(303);
    expect(asTrainee.headers.location).toBe('/teacher/login');
    expect(ctx.exercises.classGuided(ctx.classes.findByCode('DEMO')!.id)).toBe(false);
  });
});
