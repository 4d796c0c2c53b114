import { beforeAll, describe, expect, it } from 'vitest';
import { submitForm, visibleText, type Agent } from '../helpers/http.ts';
import { teacherAgent, teacherWorld } from './world.ts';

let world: Awaited<ReturnType<typeof teacherWorld>>;
let anna: Agent;

beforeAll(async () => {
  world = await teacherWorld();
  anna = await teacherAgent(world.app, 'anna');
  for (const [code, scenario] of [
    ['EXEMPT-3', 'exemption-case'],
    ['BANK-3', 'bank-nemid-not-activated'],
  ]) {
    await submitForm(anna, '/teacher/classes/new', '/teacher/classes', {
      scenario: scenario!,
      trainees: '3',
      code: code!,
      name: code!,
      instructions: '',
    });
  }
});

const firstOf = (code: string) => world.ctx.citizens.listInClass(world.ctx.classes.findByCode(code)!.id)[0]!;

describe('the teacher at the desk', () => {
  it('plays the Borgerservice case worker: without valid ID the exemption is refused, with ID and a reason it is granted at once', async () => {
    const trainee = firstOf('EXEMPT-3');
    const page = `/teacher/trainees/${trainee.id}`;
    await submitForm(anna, page, `${page}/exemption`, { idDocument: 'none', reason: 'no-computer', otherReason: '' });
    let text = visibleText((await anna.get(`${page}?lang=en`)).text);
    expect(text).toContain(`The application of ${trainee.name} was rejected`);
    expect(text).toMatch(/Latest application, .*: Rejected\. You did not show valid ID\./);

    await submitForm(anna, page, `${page}/exemption`, { idDocument: 'passport', reason: 'language', otherReason: '' });
    text = visibleText((await anna.get(`${page}?lang=en`)).text);
    expect(text).toMatch(
      new RegExp(`Exemption granted to ${trainee.name} at once \\(R17\\); 2 unread letters went to the paper-post tray \\(R19\\)\\.`),
    );
    expect(text).toContain(`${trainee.name} is exempt from Digital Post.`);
    const digitalUnread = world.ctx.mailbox
      .arrivedLetters(trainee.id)
      .filter((letter) => letter.channel === 'digital' && letter.readAt === null);
    expect(digitalUnread.map((letter) => letter.senderKey)).toEqual(['su-styrelsen']);
    expect(text).toMatch(/Exemption from Digital Post granted R17/);
  });

  it('refuses a desk form with a reason that is not on the form, changing nothing', async () => {
    const trainee = world.ctx.citizens.listInClass(world.ctx.classes.findByCode('EXEMPT-3')!.id)[1]!;
    const page = `/teacher/trainees/${trainee.id}`;
    await submitForm(anna, page, `${page}/exemption`, { idDocument: 'passport', reason: 'bored', otherReason: '' });
    expect(visibleText((await anna.get(`${page}?lang=en`)).text)).toContain('Choose the reason ticked on the form.');
    expect(world.ctx.exemption.status(trainee).decisions).toEqual([]);
  });

  it('plays the bank clerk: a bank NemID is activated for public self-service only when the trainee shows photo ID', async () => {
    const trainee = firstOf('BANK-3');
    const page = `/teacher/trainees/${trainee.id}`;
    expect(world.ctx.enrolment.hasPublicAccess(trainee.id)).toBe(false);
    await submitForm(anna, page, `${page}/bank-activation`, {});
    expect(visibleText((await anna.get(`${page}?lang=en`)).text)).toContain(
      `The bank activates NemID only when ${trainee.name} shows photo ID. Nothing was changed.`,
    );
    expect(world.ctx.enrolment.hasPublicAccess(trainee.id)).toBe(false);
    await submitForm(anna, page, `${page}/bank-activation`, { showsId: 'on' });
    const text = visibleText((await anna.get(`${page}?lang=en`)).text);
    expect(text).toContain(`The NemID of ${trainee.name} is now activated for public self-service (R7).`);
    expect(world.ctx.enrolment.hasPublicAccess(trainee.id)).toBe(true);
    expect(text).not.toContain('Activate for public self-service');
  });
});
