import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../server/context.ts';
import { codeForAskedKey, seededContext } from '../helpers/context.ts';
import { loginAs, submitForm, testApp, visibleText } from '../helpers/http.ts';

/** Writes the events of the trainee's exercises that a test does not walk through itself. */
function done(ctx: Context, citizenId: number, events: { type: string; data: Record<string, unknown> }[]): void {
  const citizen = ctx.citizens.findById(citizenId)!;
  for (const event of events)
    ctx.events.record({
      classId: citizen.classId,
      citizenId,
      actor: 'trainee',
      type: event.type,
      rule: null,
      data: event.data,
      at: ctx.clock.now(citizen.classId),
    });
}

const letterFrom = (ctx: Context, citizenId: number, sender: string) =>
  ctx.mailbox.arrivedLetters(citizenId).find((letter) => letter.senderKey === sender)!;

describe('after the last exercise', () => {
  it('offers a person practising alone the next lesson, the phishing letter, with a button that starts it', async () => {
    const ctx = await seededContext();
    const app = testApp(ctx);
    const agent = request.agent(app);
    await submitForm(agent, '/', '/practice', {});
    const welcome = await agent.get('/practice/welcome?lang=en&screens=full');
    const nemidNumber = /data-testid="nemid-number">(\d{9})</.exec(welcome.text)![1]!;
    const temporary = /data-testid="temporary-password">([^<]+)</.exec(welcome.text)![1]!;
    const first = ctx.citizens.findByIdentifier(nemidNumber)!;
    const kommune = letterFrom(ctx, first.id, 'kommune');
    done(ctx, first.id, [
      { type: 'letter-read', data: { letterId: kommune.id } },
      { type: 'letter-answered', data: { letterId: kommune.id } },
      { type: 'blocked', data: { reason: 'lost-card' } },
    ]);
    await submitForm(agent, '/login', '/login', { identifier: nemidNumber, password: temporary });
    await submitForm(agent, '/login/new-password', '/login/new-password', { password: 'Lampe5151', repeat: 'Lampe5151', userId: '' });
    await submitForm(agent, '/login/key', '/login/key', { code: codeForAskedKey(ctx, nemidNumber).code });

    const news = await agent.get('/my-nemid');
    const text = visibleText(news.text);
    expect(text).toContain('5 of 5 exercises done.');
    expect(text).toContain('The next lesson for practising alone: “A fake letter – phishing”.');
    expect(news.text).toContain('<button type="submit" class="button">Start the lesson “A fake letter – phishing”</button>');
    expect(text).not.toContain('Ask your teacher');
    const home = await agent.get('/exercises');
    expect(visibleText(home.text)).toContain('Start the lesson “A fake letter – phishing”');
    expect(visibleText(home.text)).not.toContain('Ask your teacher');

    const started = await submitForm(agent, '/exercises', '/practice/next', {});
    expect(started.status).toBe(303);
    expect(started.headers.location).toBe('/practice/welcome?started=1');
    expect(ctx.citizens.findByIdentifier(nemidNumber)).toBeUndefined();
    const lesson = await agent.get('/practice/welcome?started=1');
    const lessonText = visibleText(lesson.text);
    expect(lessonText).toContain('The new lesson is ready.');
    expect(lessonText).toContain('Lesson: A fake letter – phishing');
    expect(lessonText).toContain('Report the fake letter');
    expect(lessonText).toContain('Password');
    expect(lessonText).not.toContain('Temporary password');
    expect((await agent.get('/my-nemid')).status).toBe(303);

    const number = /data-testid="nemid-number">(\d{9})</.exec(lesson.text)![1]!;
    const password = /data-testid="temporary-password">([^<]+)</.exec(lesson.text)![1]!;
    const trainee = ctx.citizens.findByIdentifier(number)!;
    const klass = ctx.classes.findById(trainee.classId)!;
    expect([klass.scenario, klass.kind]).toEqual(['phishing-letter', 'selfstudy']);
    expect(ctx.exercises.classGuided(klass.id)).toBe(true);
    await loginAs(agent, ctx, number, password, 'post');
    const inbox = visibleText((await agent.get('/post')).text);
    expect(inbox).toContain('IMPORTANT: Your NemID will be closed today – confirm now');
    const issuer = letterFrom(ctx, trainee.id, 'nemid');
    const read = visibleText((await agent.get(`/post/letters/${issuer.id}`)).text);
    expect(read).toContain('You have done the exercise “Read the genuine letter from the issuer”.');
  });

  it("still sends a trainee of a teacher's class to the teacher, with no lesson button", async () => {
    const ctx = await seededContext();
    const agent = request.agent(testApp(ctx));
    const ahmed = ctx.citizens.findByIdentifier('ahmed.karimi')!;
    const tax = letterFrom(ctx, ahmed.id, 'skattestyrelsen');
    done(ctx, ahmed.id, [
      { type: 'letter-read', data: { letterId: tax.id } },
      { type: 'letter-answered', data: { letterId: tax.id } },
      { type: 'document-signed', data: {} },
      { type: 'blocked', data: { reason: 'lost-card' } },
    ]);
    await agent.get('/?lang=en&screens=full');
    await loginAs(agent, ctx, 'ahmed.karimi', 'Bog7531x');
    const news = await agent.get('/my-nemid');
    expect(visibleText(news.text)).toContain('You have done every exercise of your scenario. Ask your teacher what to practise next.');
    expect(news.text).not.toContain('/practice/next');
    expect(visibleText((await agent.get('/exercises')).text)).toContain('Ask your teacher what to practise next.');
    expect((await submitForm(agent, '/exercises', '/practice/next', {})).headers.location).toBe('/#practice');
  });
});
