import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Citizen } from '../../server/citizen/types.ts';
import { csrfFrom, loginAs, visibleText, type Agent } from '../helpers/http.ts';
import { teacherAgent, teacherWorld } from './world.ts';

let world: Awaited<ReturnType<typeof teacherWorld>>;
let anna: Agent;
let bo: Agent;

/** A class of anna's: three trainees with letters in the mailbox, and a workshop whose staged letter has reached them. */
const code = 'ARCHIVE-1';
const classPage = `/teacher/classes/${code}`;
let trainee: Citizen;

const klass = () => world.ctx.classes.findByCode(code)!;
const unread = (citizen: Citizen) => world.ctx.progress.ofTrainee(klass(), world.ctx.citizens.findById(citizen.id)!).unreadLetters!;
const logins = (citizen: Citizen) => world.ctx.progress.ofTrainee(klass(), world.ctx.citizens.findById(citizen.id)!).logins;

/** The trainee's row of a progress table, as text (name, user ID, ..., logins, wrong tries, unread ...). */
/** The trainee's row of the progress table (the lobby above it lists the trainees too). */
function rowOf(html: string, name: string): string {
  const progress = html.slice(html.indexOf('<table class="progress'));
  const row = progress.split('<tr').find((part) => part.includes(name));
  if (!row) throw new Error(`No row for ${name}`);
  return visibleText(`<tr${row}`).trim();
}

async function confirmationPage(agent: Agent, url: string) {
  const page = await agent.get(`${url}?lang=en`);
  return { page, csrf: csrfFrom(page.text) };
}

beforeAll(async () => {
  world = await teacherWorld();
  anna = await teacherAgent(world.app, 'anna');
  bo = await teacherAgent(world.app, 'bo');
  const made = await world.ctx.scenarios.createClass(code, 'everyday-login-and-mail', 3, world.teachers.anna, 'cli');
  world.ctx.workshop.workshops.start(made, world.teachers.anna, [{ kind: 'tax-refund', minutes: 0 }]);
  trainee = world.ctx.citizens.listInClass(made.id).find((citizen) => citizen.state === 'active')!;
  // The trainee logs in to Digital Post, reads a letter of the scenario and opens the staged (phishing) letter.
  const agent = request.agent(world.app);
  await loginAs(agent, world.ctx, trainee.userId ?? trainee.nemidNumber, trainee.knownPassword!, 'post');
  const workshopLetters = new Set(
    world.ctx.workshop.debrief.facts(world.ctx.workshop.workshops.ofClass(made.id)[0]!).map((fact) => fact.target.letterId),
  );
  const unreadLetters = world.ctx.mailbox
    .arrivedLetters(trainee.id)
    .filter((letter) => letter.direction === 'in' && letter.readAt === null);
  const scenarioLetter = unreadLetters.find((letter) => !workshopLetters.has(letter.id))!;
  const stagedLetter = unreadLetters.find((letter) => workshopLetters.has(letter.id))!;
  for (const letter of [scenarioLetter, stagedLetter]) {
    expect((await agent.get(`/post/letters/${letter.id}`)).status).toBe(200);
    expect(world.ctx.mailbox.arrivedLetters(trainee.id).find((candidate) => candidate.id === letter.id)!.readAt).not.toBeNull();
  }
});

describe('a reset asks first', () => {
  it('says on its own page what a class reset loses and keeps, with a Reset button and a Cancel link back', async () => {
    const { page } = await confirmationPage(anna, `${classPage}/reset`);
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain(`Reset class ${code} (${code})?`);
    expect(text).toContain('All 3 trainees go back to the start of the scenario');
    expect(text).toContain('which letters were read');
    expect(text).toContain('the password and user ID chosen, the keys used');
    expect(text).toContain('Progress: logins, wrong tries, exercises done');
    expect(text).toContain("The results in this class's workshop (1)");
    expect(text).toContain('The class clock goes back to real time.');
    expect(text).toContain('are archived');
    expect(page.text).toMatch(/<button type="submit" class="button">Reset<\/button>/);
    expect(page.text).toContain(`<a href="${classPage}">Cancel</a>`);
  });

  it('resets nothing on a POST without the confirmation: it shows the confirmation page again', async () => {
    const { csrf } = await confirmationPage(anna, `${classPage}/reset`);
    const before = { logins: logins(trainee), unread: unread(trainee), events: world.ctx.events.list({ classId: klass().id }).length };
    const response = await anna.post(`${classPage}/reset?lang=en`).type('form').send({ _csrf: csrf });
    expect(response.status).toBe(400);
    expect(visibleText(response.text)).toContain('Nothing has been reset yet. Read what will be lost, then press Reset.');
    expect(response.text).toContain('name="confirm" value="yes"');

    const traineePage = await confirmationPage(anna, `/teacher/trainees/${trainee.id}/reset`);
    expect(visibleText(traineePage.page.text)).toContain(`${trainee.name} goes back to the start of the scenario`);
    expect(visibleText(traineePage.page.text)).toContain('The other trainees and the class clock stay as they are.');
    const alone = await anna.post(`/teacher/trainees/${trainee.id}/reset`).type('form').send({ _csrf: traineePage.csrf, confirm: 'no' });
    expect(alone.status).toBe(400);

    expect(logins(trainee)).toBe(before.logins);
    expect(logins(trainee)).toBe(1);
    expect(unread(trainee)).toBe(before.unread);
    expect(world.ctx.events.list({ classId: klass().id })).toHaveLength(before.events);
    expect(world.ctx.archives.list(klass())).toEqual([]);
  });

  it('refuses a confirmed reset without the CSRF token, resetting and archiving nothing', async () => {
    const response = await anna.post(`${classPage}/reset`).type('form').send({ confirm: 'yes' });
    expect(response.status).toBe(403);
    const forged = await anna.post(`/teacher/trainees/${trainee.id}/reset`).type('form').send({ confirm: 'yes', _csrf: 'forged.token' });
    expect(forged.status).toBe(403);
    expect(logins(trainee)).toBe(1);
    expect(world.ctx.archives.list(klass())).toEqual([]);
  });
});

describe('a confirmed reset archives the class first', () => {
  let archiveUrl: string;
  let unreadBefore: number;

  it('keeps the progress as it was (the login, the letter read), then resets the class', async () => {
    unreadBefore = unread(trainee);
    const { csrf } = await confirmationPage(anna, `${classPage}/reset`);
    const response = await anna.post(`${classPage}/reset`).type('form').send({ _csrf: csrf, confirm: 'yes' });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(classPage);
    expect(logins(trainee)).toBe(0);
    expect(unread(trainee)).toBe(unreadBefore + 1);

    const page = await anna.get(`${classPage}?lang=en`);
    expect(visibleText(page.text)).toMatch(/The class was reset: 3 trainees in \d+ ms\./);
    const [archive] = world.ctx.archives.list(klass());
    expect(archive).toMatchObject({ reason: 'class-reset', actor: 'teacher', resetBy: 'anna', traineeName: null });
    archiveUrl = `${classPage}/archives/${archive!.id}`;
    expect(page.text).toContain(`href="${archiveUrl}"`);
    expect(visibleText(page.text)).toMatch(/Archives .* \(class clock\): before the reset of the whole class by anna/);
    // The class page now shows the reset state: no login.
    expect(rowOf(page.text, trainee.name)).toMatch(new RegExp(` 0 0 ${unreadBefore + 1} `));
    expect(world.ctx.events.list({ classId: klass().id }).filter((event) => event.type === 'reset-archived')).toHaveLength(1);
  });

  it('opens the archive as a page: the progress table and the debrief numbers at that moment', async () => {
    const page = await anna.get(`${archiveUrl}?lang=en`);
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain(`Class ${code} on`);
    expect(text).toContain('Kept before the reset of the whole class');
    expect(text).toContain('Reset by anna');
    expect(text).toContain('3 trainees: 0 not activated, 0 locked, 0 blocked, 1 have logged in');
    // Logins 1, no wrong tries, one letter fewer unread than after the reset.
    expect(rowOf(page.text, trainee.name)).toMatch(new RegExp(` 1 0 ${unreadBefore} `));
    expect(text).toMatch(/Workshop \d+, started/);
    expect(text).toContain('Received 3');
    expect(text).toContain('Opened 1');
    expect(page.text).not.toContain(trainee.knownPassword!);
  });

  it('exports the archive as CSV: the progress rows and the debrief rows as they were', async () => {
    const progress = await anna.get(`${archiveUrl}/progress.csv?lang=en`);
    expect(progress.status).toBe(200);
    expect(progress.headers['content-type']).toMatch(/^text\/csv/);
    expect(progress.headers['content-disposition']).toMatch(/attachment; filename="training-archive-1-archive-\d+-progress\.csv"/);
    const lines = progress.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Name,NemID number,User ID,State,Lock code,Logins,Keys used,Keys left,Wrong passwords,Wrong codes,Locks,Unread letters,Exercises done,May need help,Last activity',
    );
    expect(lines).toHaveLength(4);
    const row = lines.find((line) => line.startsWith(trainee.name))!.split(',');
    expect(row[5]).toBe('1');
    expect(row[11]).toBe(String(unreadBefore));

    const debrief = await anna.get(`${archiveUrl}/debrief.csv?lang=en`);
    expect(debrief.status).toBe(200);
    const debriefLines = debrief.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(debriefLines[0]).toMatch(/^Workshop,Name,NemID number,Attack,Received,/);
    expect(debriefLines).toHaveLength(4);
    expect(debriefLines.some((line) => line.includes(trainee.name) && line.includes(trainee.nemidNumber))).toBe(true);
  });

  it("archives before a trainee's reset too, named after the trainee", async () => {
    const { csrf } = await confirmationPage(anna, `/teacher/trainees/${trainee.id}/reset`);
    const response = await anna.post(`/teacher/trainees/${trainee.id}/reset`).type('form').send({ _csrf: csrf, confirm: 'yes' });
    expect(response.status).toBe(303);
    const [newest] = world.ctx.archives.list(klass());
    expect(newest).toMatchObject({ reason: 'trainee-reset', traineeName: trainee.name, resetBy: 'anna' });
    expect(visibleText((await anna.get(`${classPage}?lang=en`)).text)).toContain(`before the reset of ${trainee.name} by anna`);
  });

  it('archives a reset from the command line alike (the same service)', async () => {
    world.ctx.scenarios.reset(klass().id, { actor: 'cli' });
    const [newest] = world.ctx.archives.list(klass());
    expect(newest).toMatchObject({ reason: 'class-reset', actor: 'cli', resetBy: null });
    expect(visibleText((await anna.get(`${classPage}?lang=en`)).text)).toContain(
      'before the reset of the whole class from the command line',
    );
    expect(world.ctx.archives.list(klass())).toHaveLength(3);
  });

  it('answers another teacher 404 for the archive, its CSVs and the confirmation pages', async () => {
    const trainees = world.ctx.citizens.listInClass(klass().id);
    for (const url of [
      archiveUrl,
      `${archiveUrl}/progress.csv`,
      `${archiveUrl}/debrief.csv`,
      `${classPage}/reset`,
      `/teacher/trainees/${trainees[0]!.id}/reset`,
    ]) {
      expect((await bo.get(url)).status, url).toBe(404);
    }
    // Nor is the archive found under a class bo may see (the shared class DEMO).
    const id = archiveUrl.split('/').pop();
    expect((await bo.get(`/teacher/classes/DEMO/archives/${id}`)).status).toBe(404);
    expect((await anna.get(`/teacher/classes/DEMO/archives/${id}`)).status).toBe(404);
    const page = await bo.get('/teacher/classes/DEMO');
    const reset = await bo
      .post(`${classPage}/reset`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text), confirm: 'yes' });
    expect(reset.status).toBe(404);
    expect(world.ctx.archives.list(klass())).toHaveLength(3);
  });
});
