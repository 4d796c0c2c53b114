import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { hours } from '../helpers/context.ts';
import { binaryBody, submitForm, visibleText, type Agent } from '../helpers/http.ts';
import { teacherAgent, teacherWorld } from './world.ts';

let world: Awaited<ReturnType<typeof teacherWorld>>;
let anna: Agent;

beforeAll(async () => {
  world = await teacherWorld();
  anna = await teacherAgent(world.app, 'anna');
});

const citizen = (identifier: string) => world.ctx.citizens.findByIdentifier(identifier)!;
const demoNow = () => world.ctx.clock.now(world.ctx.classes.findByCode('DEMO')!.id);

/** The timeline section of a trainee's page, as the teacher reads it. */
async function timelineOf(identifier: string, lang = 'en'): Promise<string> {
  const page = visibleText((await anna.get(`/teacher/trainees/${citizen(identifier).id}?lang=${lang}`)).text);
  const start = page.indexOf(lang === 'da' ? 'Tidslinje' : 'Timeline');
  return page.slice(start, page.indexOf(lang === 'da' ? 'Spil udstederen' : 'Playing the issuer', start));
}

async function moveClock(step: string): Promise<void> {
  const moved = await submitForm(anna, '/teacher/classes/DEMO', '/teacher/classes/DEMO/clock', { step });
  expect(moved.status).toBe(303);
}

describe('a timeline that tells the truth (issue 14 item 9)', () => {
  it('shows a letter when it arrives on the class clock, not when it is scheduled, by the class clock', async () => {
    world.ctx.mailbox.deliver(
      citizen('ahmed.karimi').id,
      { sender: 'skattestyrelsen', subject: 'Brev-om-tidslinjen-7Q', body: 'Hej' },
      { at: demoNow() + hours(20), actor: 'system' },
    );
    expect(await timelineOf('ahmed.karimi')).not.toContain('Brev-om-tidslinjen-7Q');
    await moveClock('1d');
    const timeline = await timelineOf('ahmed.karimi');
    expect(timeline).toMatch(/Letter delivered to the digital mailbox R8 by the class clock From Skattestyrelsen: “Brev-om-tidslinjen-7Q”/);
    // It arrived while the clock moved: before the move's end, the time the move is shown at.
    expect(timeline.indexOf('Brev-om-tidslinjen-7Q')).toBeLessThan(timeline.indexOf('The class clock moved forward by a teacher'));
  });

  it('shows a key card and a temporary password sent by post as events when they arrive, each with its actor', async () => {
    const ordered = world.ctx.blocking.orderCard(citizen('ahmed.karimi').id, { actor: 'trainee', channel: 'self-service' });
    expect(ordered.ok).toBe(true);
    const sent = await world.ctx.temporaryPasswords.sendByPost(citizen('piotr.nowak').id, {
      actor: 'issuer',
      channel: 'issuer',
      operator: 'teacher anna',
    });
    expect(sent.ok).toBe(true);
    expect(await timelineOf('ahmed.karimi')).toMatch(/New key card sent R4 by the trainee/);
    expect(await timelineOf('ahmed.karimi')).not.toContain('The key card arrived by post');
    expect(await timelineOf('piotr.nowak')).toMatch(/Temporary password sent R15 by the issuer/);
    expect(await timelineOf('piotr.nowak')).not.toContain('The temporary password arrived by post');

    await moveClock('4wd');
    expect(await timelineOf('ahmed.karimi')).toMatch(/The key card arrived by post R4 by the class clock/);
    expect(await timelineOf('piotr.nowak')).toMatch(/The temporary password arrived by post R15 by the class clock/);
    expect(await timelineOf('piotr.nowak', 'da')).toMatch(/Den midlertidige adgangskode kom med posten R15 af holdets ur/);
  });

  it('shows which key was asked and whose code was typed after a wrong key code', async () => {
    const trainee = request.agent(world.app);
    const step1 = await submitForm(trainee, '/login?service=mynemid', '/login', {
      identifier: 'mette.hansen',
      password: 'Hest2024',
      service: 'mynemid',
    });
    expect(step1.status).toBe(303);
    const mette = citizen('mette.hansen');
    const card = world.ctx.keycards.cardForLogin(mette.id, demoNow())!;
    const asked = world.ctx.keycards.challenge(card);
    const other = world.ctx.keycards.printed(card).find((entry) => entry.key !== asked && !entry.used)!;
    await submitForm(trainee, '/login/key', '/login/key', { code: other.code });
    const timeline = await timelineOf('mette.hansen');
    expect(timeline).toContain(
      `Wrong code from the key card R4 by the trainee Key ${asked} was asked; the code typed is the code of key ${other.key} (another line of the card).`,
    );
    expect(await timelineOf('mette.hansen', 'da')).toContain(
      `Nøgle ${asked} blev efterspurgt; den indtastede kode hører til nøgle ${other.key}`,
    );
  });
});

describe('the events CSV', () => {
  it('starts with the header row after one byte-order mark, and gives Danish times with their offset and the real actor', async () => {
    world.ctx.mailbox.deliver(
      citizen('jens.nielsen').id,
      { sender: 'kommune', subject: 'Endnu-ikke-kommet-3X', body: 'Hej' },
      { at: demoNow() + hours(5), actor: 'system' },
    );
    const response = await anna.get('/teacher/classes/DEMO/events.csv?lang=en').buffer(true).parse(binaryBody);
    const bytes = response.body as Buffer;
    expect([...bytes.subarray(0, 8)]).toEqual([0xef, 0xbb, 0xbf, ...Buffer.from('Event')]);
    const text = new TextDecoder('utf-8').decode(bytes); // strips the byte-order mark, as a spreadsheet does
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('Event,Time on the class clock,Real time,Name,NemID number,Who,Type,What happened,Rule,Details');
    // FakeTime starts on 26 November 2026, 09:00 UTC: 10:00 in Copenhagen (winter time, +01:00).
    expect(lines.find((line) => line.includes(',scenario-loaded,'))).toMatch(
      /^\d+,2026-11-26 10:00 \+01:00,2026-11-26 10:00 \+01:00,,,the sandbox,scenario-loaded,/,
    );
    for (const line of lines.slice(1)) expect(line).toMatch(/^\d+,2026-1[12]-\d\d \d\d:\d\d \+01:00,(2026-11-26 \d\d:\d\d \+01:00)?,/);
    expect(text).toMatch(/Mette Fiktiv Hansen,\d{9},the trainee,wrong-key,/);
    expect(text).toMatch(/,the class clock,letter-delivered,/);
    expect(text).toMatch(/Ahmed Fiktiv Karimi,\d{9},the class clock,card-arrived,The key card arrived by post,R4,/);
    expect(text).not.toContain('Endnu-ikke-kommet-3X');
  });
});
