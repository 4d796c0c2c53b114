import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/common/passwords.ts';
import { seededContext } from '../helpers/context.ts';
import { loginAs, submitForm, teacherLogin, testApp, visibleText } from '../helpers/http.ts';

describe('"report as fraud" on a genuine letter', () => {
  it('comes after Answer as a secondary action, and says the letter was genuine and why', async () => {
    const ctx = await seededContext();
    const app = testApp(ctx);
    const agent = request.agent(app);
    await loginAs(agent, ctx, 'mette.hansen', 'Hest2024', 'post');
    const mette = ctx.citizens.findByIdentifier('mette.hansen')!;
    const tax = ctx.mailbox.arrivedLetters(mette.id).find((letter) => letter.senderKey === 'skattestyrelsen')!;
    const page = await agent.get(`/post/letters/${tax.id}?lang=en&screens=full`);
    const answer = page.text.indexOf(`href="/post/letters/${tax.id}/answer"`);
    const report = page.text.indexOf(`action="/post/letters/${tax.id}/report"`);
    expect(answer).toBeGreaterThan(0);
    expect(report).toBeGreaterThan(answer);
    expect(page.text.slice(report)).toMatch(/^[^]*?<button type="submit" class="button secondary">Report as fraud<\/button>/);

    const reported = await submitForm(agent, `/post/letters/${tax.id}`, `/post/letters/${tax.id}/report`, {});
    expect(reported.status).toBe(200);
    const text = visibleText(reported.text);
    expect(text).toContain('This letter was genuine');
    expect(text).toContain('The sender is Skattestyrelsen, spelt correctly');
    expect(text).toContain('The letter does not ask for your password or for codes from the key card');
    expect(text).toContain('You do not need to block your NemID');
    expect(text).not.toContain('Block my NemID');
    const event = ctx.events.latestOf(mette.id, ['fraud-reported'], 1)[0]!;
    expect(event).toMatchObject({ rule: 'R14', actor: 'trainee', data: { letterId: tax.id, staged: false, genuine: true } });

    await ctx.teachers.insert('teacher-a', await hashPassword('teacher-a-password'), Date.now());
    const teacher = request.agent(app);
    await teacherLogin(teacher, 'teacher-a', 'teacher-a-password');
    const timeline = visibleText((await teacher.get(`/teacher/trainees/${mette.id}?lang=en&screens=full`)).text);
    expect(timeline).toContain('Reported a letter as fraud R14 a genuine letter – false alarm');
  });

  it("does not call a scenario's fake letter genuine: its report ticks the exercise, as before", async () => {
    const ctx = await seededContext();
    const klass = await ctx.scenarios.load('phishing-letter', { classCode: 'FAKE', className: 'Fake', traineeCount: 1, actor: 'cli' });
    const trainee = ctx.citizens.listInClass(klass.id)[0]!;
    const agent = request.agent(testApp(ctx));
    await loginAs(agent, ctx, trainee.nemidNumber, ctx.citizens.blueprintOf(trainee.id).knownPassword, 'post');
    const fake = ctx.mailbox.arrivedLetters(trainee.id).find((letter) => letter.senderKey === 'falsk-nemid')!;
    const reported = await submitForm(agent, `/post/letters/${fake.id}?lang=en&screens=full`, `/post/letters/${fake.id}/report`, {});
    const text = visibleText(reported.text);
    expect(text).toContain('from NemlD Sikkerhedscenter as fraud');
    expect(text).not.toContain('This letter was genuine');
    expect(text).toContain('Block my NemID');
    expect(ctx.events.latestOf(trainee.id, ['fraud-reported'], 1)[0]!.data).toMatchObject({ staged: false, genuine: false });
    expect(ctx.exercises.progress(trainee).exercises.find((status) => status.exercise.id === 'report-fake')!.done).toBe(true);
  });
});
