import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Citizen } from '../../server/citizen/types.ts';
import type { ClassRow } from '../../server/classes/types.ts';
import { csrfFrom, loginAs, submitForm, visibleText, type Agent } from '../helpers/http.ts';
import { teacherAgent, teacherWorld } from './world.ts';

// Issue 14 items 6 and 7: the lobby on the class page, and projector mode on the console.

let world: Awaited<ReturnType<typeof teacherWorld>>;
let anna: Agent;
let klass: ClassRow;
let trainees: Citizen[];
/** The six trainees of the default scenario's first profiles, by what the test does with them. */
let who: {
  joinedThenLoggedIn: Citizen;
  loggedInThenJoined: Citizen;
  twoWrongTries: Citizen;
  untouched: Citizen;
  pending: Citizen;
  locked: Citizen;
};

const minute = 60_000;
const identifier = (citizen: Citizen) => citizen.userId ?? citizen.nemidNumber;
const classPage = (query = '') => `/teacher/classes/LOBBY-1?lang=en${query}`;

/** The trainee ids of the lobby's rows, top to bottom. */
function lobbyOrder(html: string): number[] {
  const lobby = html.slice(html.indexOf('id="lobby-heading"'), html.indexOf('id="progress-heading"'));
  return [...lobby.matchAll(/data-testid="lobby-row" data-trainee="(\d+)"/g)].map((match) => Number(match[1]));
}

/** The visible text of one trainee's lobby row. */
function lobbyRow(html: string, citizen: Citizen): string {
  const match = new RegExp(`<tr data-testid="lobby-row" data-trainee="${citizen.id}"[^>]*>([\\s\\S]*?)</tr>`).exec(html);
  if (!match) throw new Error(`no lobby row for ${citizen.name}`);
  return visibleText(match[0]);
}

const byName = (a: Citizen, b: Citizen) => a.name.localeCompare(b.name, 'da') || a.id - b.id;
const ids = (list: Citizen[]) => list.map((citizen) => citizen.id);

async function join(agent: Agent, joinCode: string) {
  const response = await submitForm(agent, '/join?lang=en', '/join', { joinCode });
  expect(response.status).toBe(200);
}

async function projector(agent: Agent, on: boolean, back: string) {
  const page = await agent.get(back);
  return agent
    .post('/teacher/projector')
    .type('form')
    .send({ _csrf: csrfFrom(page.text), projector: on ? 'on' : 'off', back });
}

beforeAll(async () => {
  world = await teacherWorld();
  anna = await teacherAgent(world.app, 'anna');
  await submitForm(anna, '/teacher/classes/new', '/teacher/classes', {
    scenario: 'default',
    trainees: '6',
    code: 'LOBBY-1',
    name: 'Lobby',
    instructions: '',
  });
  klass = world.ctx.classes.findByCode('LOBBY-1')!;
  trainees = world.ctx.citizens.listInClass(klass.id);
  const active = trainees.filter((citizen) => citizen.state === 'active');
  who = {
    joinedThenLoggedIn: active[0]!,
    loggedInThenJoined: active[1]!,
    twoWrongTries: active[2]!,
    untouched: active[3]!,
    pending: trainees.find((citizen) => citizen.state === 'pending')!,
    locked: trainees.find((citizen) => citizen.state === 'locked')!,
  };
  expect(new Set(trainees.map((citizen) => citizen.knownPassword)).size).toBe(6);

  const wrong = request.agent(world.app);
  for (const attempt of [1, 2]) {
    const response = await submitForm(wrong, '/login', '/login', {
      identifier: identifier(who.twoWrongTries),
      password: `not-it-${attempt}`,
      service: 'mynemid',
    });
    expect(response.status).toBe(401);
  }
  world.time.advance(minute);
  const first = request.agent(world.app);
  await join(first, klass.joinCode!.toLowerCase());
  world.time.advance(minute);
  await loginAs(first, world.ctx, identifier(who.joinedThenLoggedIn), who.joinedThenLoggedIn.knownPassword!);
  world.time.advance(minute);
  const second = request.agent(world.app);
  await loginAs(second, world.ctx, identifier(who.loggedInThenJoined), who.loggedInThenJoined.knownPassword!);
  await join(second, klass.joinCode!);
  await join(first, klass.joinCode!);
  // Someone who types the code and never logs in is nobody in the lobby.
  await join(request.agent(world.app), klass.joinCode!);
});

describe('the lobby on the class page', () => {
  it('lists "may need help" first, then those not logged in yet, then the rest by name', async () => {
    const html = (await anna.get(classPage())).text;
    const expected = [
      ...[who.twoWrongTries, who.locked].sort(byName),
      ...[who.untouched, who.pending].sort(byName),
      ...[who.joinedThenLoggedIn, who.loggedInThenJoined].sort(byName),
    ];
    expect(lobbyOrder(html)).toEqual(ids(expected));
    expect(html).toMatch(
      /<th scope="col" aria-sort="ascending"><a href="\/teacher\/classes\/LOBBY-1\?sort=status#lobby-heading">Status<\/a><\/th>/,
    );
    expect(visibleText(html)).toContain('2 of 6 trainees have joined with the join code, 2 have logged in.');
  });

  it('shows who joined with the code and when, and flags in words who has not logged in yet', async () => {
    const html = (await anna.get(classPage())).text;
    const joinedAt = world.ctx.events.list({ citizenId: who.joinedThenLoggedIn.id }).filter((event) => event.type === 'class-joined');
    expect(joinedAt).toHaveLength(1);
    // The join typed before the login counts from the time it was typed, a minute before the login.
    const login = world.ctx.events.list({ citizenId: who.joinedThenLoggedIn.id }).find((event) => event.type === 'login-ok')!;
    expect(joinedAt[0]!.data.joinedAt).toBe(login.at - minute);
    expect(world.ctx.events.list({ citizenId: who.loggedInThenJoined.id }).filter((event) => event.type === 'class-joined')).toHaveLength(
      1,
    );

    const first = lobbyRow(html, who.joinedThenLoggedIn);
    expect(first).toMatch(/Logged in Yes, \S+/);
    expect(first).not.toContain('Not logged in yet');
    expect(lobbyRow(html, who.loggedInThenJoined)).toMatch(/Logged in Yes, /);
    expect(lobbyRow(html, who.twoWrongTries)).toMatch(/May need help Not logged in yet No Not logged in yet/);
    expect(lobbyRow(html, who.locked)).toContain('May need help');
    for (const waiting of [who.untouched, who.pending]) {
      expect(lobbyRow(html, waiting)).toMatch(/Not logged in yet No Not logged in yet –/);
      expect(html).toContain(`data-trainee="${waiting.id}" class="not-logged-in"`);
    }
  });

  it('sorts by name and by last activity with links, marking the sorted column with aria-sort', async () => {
    const byNameHtml = (await anna.get(classPage('&sort=name'))).text;
    expect(lobbyOrder(byNameHtml)).toEqual(ids([...trainees].sort(byName)));
    expect(byNameHtml).toMatch(/aria-sort="ascending"><a href="[^"]*\?sort=name#lobby-heading">Name</);
    expect(byNameHtml.match(/aria-sort=/g)).toHaveLength(1);

    const byActivity = (await anna.get(classPage('&sort=lastActivity'))).text;
    expect(lobbyOrder(byActivity)).toEqual(
      ids([who.loggedInThenJoined, who.joinedThenLoggedIn, who.twoWrongTries, ...[who.untouched, who.pending, who.locked].sort(byName)]),
    );
    expect(byActivity).toMatch(/aria-sort="descending"><a href="[^"]*\?sort=lastActivity#lobby-heading">Last activity</);

    const unknown = (await anna.get(classPage('&sort=password'))).text;
    expect(lobbyOrder(unknown)).toEqual(lobbyOrder((await anna.get(classPage())).text));
  });
});

describe('projector mode', () => {
  const secrets = () => [...trainees.map((citizen) => citizen.knownPassword!), klass.joinCode!];
  const pages = () => [
    classPage(),
    classPage('&sort=name'),
    '/teacher?lang=en',
    ...trainees.map((citizen) => `/teacher/trainees/${citizen.id}?lang=en`),
  ];

  it('shows every password and the join code while it is off, as a toggle button not pressed', async () => {
    const html = (await anna.get(classPage())).text;
    for (const secret of secrets()) expect(html).toContain(secret);
    expect(html).toMatch(/<button type="submit" class="button secondary" aria-pressed="false"[^>]*>Projector mode<\/button>/);
  });

  it('hides every trainee password, temporary password and join code on the class, trainee and home pages', async () => {
    const switched = await projector(anna, true, '/teacher/classes/LOBBY-1?sort=name');
    expect(switched.status).toBe(303);
    expect(switched.headers.location).toBe('/teacher/classes/LOBBY-1?sort=name');
    for (const page of pages()) {
      const html = (await anna.get(page)).text;
      for (const secret of secrets()) expect(html, `${secret} on ${page}`).not.toContain(secret);
      expect(html, page).toContain('•••••');
      expect(html, page).toMatch(/aria-pressed="true"[^>]*>Projector mode</);
    }
    expect(
      world.ctx.events
        .list({})
        .filter((event) => event.type === 'projector-switched')
        .at(-1)?.data,
    ).toEqual({ teacherId: world.teachers.anna, on: true });
  });

  it("reveals exactly one trainee's password on demand, with a Show link per trainee", async () => {
    const html = (await anna.get(classPage())).text;
    const target = who.pending;
    const link = new RegExp(`href="(/teacher/classes/LOBBY-1\\?lang=en&amp;show=trainee-${target.id}#secret-trainee-${target.id})"`).exec(
      html,
    );
    expect(link).not.toBeNull();
    expect(visibleText(html)).toContain(`Show (password of ${target.name})`);
    const shown = (await anna.get(link![1]!.replace(/&amp;/g, '&'))).text;
    expect(shown).toContain(target.knownPassword!);
    for (const secret of secrets().filter((value) => value !== target.knownPassword)) expect(shown).not.toContain(secret);

    const traineePage = (await anna.get(`/teacher/trainees/${target.id}?lang=en&show=trainee-${target.id}`)).text;
    expect(traineePage).toContain(target.knownPassword!);
    expect((await anna.get(`/teacher/trainees/${target.id}?lang=en&show=trainee-${who.locked.id}`)).text).not.toContain(
      target.knownPassword!,
    );

    const joinShown = (await anna.get(classPage(`&show=join-${klass.id}`))).text;
    expect(joinShown).toContain(klass.joinCode!);
    for (const citizen of trainees) expect(joinShown).not.toContain(citizen.knownPassword!);
  });

  it("leaves the printouts alone, is the teacher's own, and switches off again", async () => {
    const slips = (await anna.get('/teacher/classes/LOBBY-1/cards?lang=en')).text;
    for (const citizen of trainees) expect(slips).toContain(citizen.knownPassword!);
    const bo = await teacherAgent(world.app, 'bo');
    expect((await bo.get('/teacher/classes/DEMO?lang=en')).text).toMatch(/aria-pressed="false"/);

    const off = await projector(anna, false, '/teacher/classes/LOBBY-1');
    expect(off.headers.location).toBe('/teacher/classes/LOBBY-1');
    const html = (await anna.get(classPage())).text;
    for (const secret of secrets()) expect(html).toContain(secret);
  });

  it('returns only to a console page after the switch, never to another site', async () => {
    for (const back of ['https://evil.example/teacher', '//evil.example/teacher', '/login', '/teacher\\@evil']) {
      const page = await anna.get('/teacher?lang=en');
      const response = await anna
        .post('/teacher/projector')
        .type('form')
        .send({ _csrf: csrfFrom(page.text), projector: 'off', back });
      expect(response.status).toBe(303);
      expect(response.headers.location, back).toBe('/teacher');
    }
  });
});
