import crypto from 'node:crypto';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/common/passwords.ts';
import type { Context } from '../../server/context.ts';
import { seededContext } from '../helpers/context.ts';
import { loginAs, routeTable, submitForm, teacherLogin, testApp, type Agent } from '../helpers/http.ts';
import { mitidFixture, workshopFixture } from '../workshop/sweep-fixture.ts';

/**
 * Sweeps generated from the app's own route table, so a new route is covered the day it
 * is added: every state-changing route refuses a missing or wrong CSRF token, no GET
 * changes what is stored, and every route with an object id refuses the people it does
 * not belong to. A route with an id and no fixture below fails the sweep until one is added.
 */

interface World {
  ctx: Context;
  app: ReturnType<typeof testApp>;
  /** A trainee of teacher A's class, and the objects that are theirs. */
  owner: { identifier: string; password: string; citizenId: number; classCode: string };
}

/** For each route with parameters: the parameters of an object that belongs to the owner. */
const fixtures: Record<string, (world: World) => Record<string, string>> = {
  '/teacher/classes/:code/cards': (world) => ({ code: world.owner.classCode }),
  '/teacher/trainees/:id/card': (world) => ({ id: String(world.owner.citizenId) }),
  '/teacher/classes/:code': (world) => ({ code: world.owner.classCode }),
  '/teacher/classes/:code/instructions': (world) => ({ code: world.owner.classCode }),
  '/teacher/classes/:code/reset': (world) => ({ code: world.owner.classCode }),
  '/teacher/classes/:code/archives/:archive': (world) => ({ code: world.owner.classCode, archive: String(ownerArchive(world)) }),
  '/teacher/classes/:code/archives/:archive/progress.csv': (world) => ({
    code: world.owner.classCode,
    archive: String(ownerArchive(world)),
  }),
  '/teacher/classes/:code/archives/:archive/debrief.csv': (world) => ({
    code: world.owner.classCode,
    archive: String(ownerArchive(world)),
  }),
  '/teacher/classes/:code/clock': (world) => ({ code: world.owner.classCode }),
  '/teacher/classes/:code/cards.pdf': (world) => ({ code: world.owner.classCode }),
  '/teacher/classes/:code/events.csv': (world) => ({ code: world.owner.classCode }),
  '/teacher/classes/:code/progress.csv': (world) => ({ code: world.owner.classCode }),
  '/teacher/classes/:code/letters': (world) => ({ code: world.owner.classCode }),
  '/teacher/trainees/:id': (world) => ({ id: String(world.owner.citizenId) }),
  '/teacher/trainees/:id/reset': (world) => ({ id: String(world.owner.citizenId) }),
  '/teacher/trainees/:id/letters': (world) => ({ id: String(world.owner.citizenId) }),
  '/teacher/trainees/:id/block': (world) => ({ id: String(world.owner.citizenId) }),
  '/teacher/trainees/:id/unblock': (world) => ({ id: String(world.owner.citizenId) }),
  '/teacher/trainees/:id/exemption': (world) => ({ id: String(world.owner.citizenId) }),
  '/teacher/trainees/:id/bank-activation': (world) => ({ id: String(world.owner.citizenId) }),
  // The scenario library is shared by every teacher (see sharedByTeachers).
  '/teacher/scenarios/:name': () => ({ name: 'default' }),
  '/teacher/scenarios/:name/download': () => ({ name: 'default' }),
  '/teacher/classes/:code/guide': (world) => ({ code: world.owner.classCode }),
  // The issuer console's objects belong to no trainee: only an operator may see them.
  '/issuer/citizens/:id': (world) => ({ id: String(world.owner.citizenId) }),
  '/issuer/citizens/:id/:action': (world) => ({ id: String(world.owner.citizenId), action: 'unblock' }),
  '/exemption/decisions/:id': (world) => ({ id: String(ownerExemptionDecision(world)) }),
  '/exemption/decisions/:id/attestation': (world) => ({ id: String(ownerExemptionDecision(world)) }),
  '/exemption/decisions/:id/attestation.pdf': (world) => ({ id: String(ownerExemptionDecision(world)) }),
  // The security workshop: the facilitator's workshop, and the owner's staged letter, look-alike link and call in it.
  '/workshop/:id': (world) => ({ id: workshopFixture(world).id }),
  '/workshop/:id/attacks': (world) => ({ id: workshopFixture(world).id }),
  '/workshop/:id/attacks/:attackId/launch': (world) => ({ id: workshopFixture(world).id, attackId: workshopFixture(world).attackId }),
  '/workshop/:id/clock': (world) => ({ id: workshopFixture(world).id }),
  '/workshop/:id/end': (world) => ({ id: workshopFixture(world).id }),
  '/workshop/:id/attacker': (world) => ({ id: workshopFixture(world).id }),
  '/workshop/:id/attacker/:targetId': (world) => ({ id: workshopFixture(world).id, targetId: workshopFixture(world).targetId }),
  '/workshop/:id/replay': (world) => ({ id: workshopFixture(world).id }),
  '/workshop/:id/debrief': (world) => ({ id: workshopFixture(world).id }),
  '/workshop/:id/debrief.csv': (world) => ({ id: workshopFixture(world).id }),
  '/nemid-secure-login.dk-verify/:token': (world) => ({ token: workshopFixture(world).token }),
  '/nemid-secure-login.dk-verify/:token/photo': (world) => ({ token: workshopFixture(world).token }),
  '/call/:token': (world) => ({ token: workshopFixture(world).callToken }),
  // The owner's MitID app and the workshop's MitID look-alike.
  '/mitid/app/:requestId': (world) => ({ requestId: mitidFixture(world).requestId }),
  '/mitid-sikkerhed.dk-verify/:token': (world) => ({ token: mitidFixture(world).token }),
  '/post/letters/:id/report': (world) => ({ id: workshopFixture(world).letterId }),
  // Digital Post: the owner's letters (the answerable tax assessment, the contract to sign), its PDF and a folder of theirs.
  '/post/letters/:id': (world) => ({ id: String(ownerLetter(world, 'tax-assessment').id) }),
  '/post/letters/:id/attachments/:attachmentId': (world) => {
    const letter = ownerLetter(world, 'tax-assessment');
    return { id: String(letter.id), attachmentId: String(world.ctx.post.inbox.attachmentsOf(letter.id)[0]!.id) };
  },
  '/post/letters/:id/answer': (world) => ({ id: String(ownerLetter(world, 'tax-assessment').id) }),
  '/post/letters/:id/forward': (world) => ({ id: String(ownerLetter(world, 'tax-assessment').id) }),
  '/post/letters/:id/move': (world) => ({ id: String(ownerLetter(world, 'tax-assessment').id) }),
  '/post/letters/:id/delete': (world) => ({ id: String(ownerLetter(world, 'tax-assessment').id) }),
  '/post/letters/:id/sign': (world) => ({ id: String(ownerLetter(world, 'signature-request').id) }),
  '/post/folders/:id': (world) => ({ id: String(ownerFolder(world)) }),
  '/post/folders/:id/rename': (world) => ({ id: String(ownerFolder(world)) }),
  '/post/folders/:id/delete': (world) => ({ id: String(ownerFolder(world)) }),
};

/** A letter of the owner's from the scenario, by its kind. */
function ownerLetter(world: World, kind: string) {
  return world.ctx.mailbox.arrivedLetters(world.owner.citizenId).find((letter) => letter.kind === kind)!;
}

/** An archive of the owner's class, as a reset keeps it (kept here without resetting, so the owner stays logged in); made once. */
function ownerArchive(world: World): number {
  const klass = world.ctx.classes.findByCode(world.owner.classCode)!;
  const existing = world.ctx.archives.list(klass)[0];
  if (existing) return existing.id;
  return world.ctx.archives.keep({ klass, reason: 'class-reset', citizenId: null, actor: 'teacher', teacherId: klass.teacherId })!;
}

/** A folder of the owner's mailbox; made once. */
function ownerFolder(world: World): number {
  const existing = world.ctx.post.inbox.folders(world.owner.citizenId)[0];
  if (existing) return existing.id;
  const made = world.ctx.post.inbox.createFolder(world.owner.citizenId, 'Sweep');
  if (!made.ok) throw new Error('no folder');
  return made.folderId;
}

/** The owner's (rejected) application for exemption from Digital Post, confirmed in writing; made once. */
function ownerExemptionDecision(world: World): number {
  const citizen = world.ctx.citizens.findById(world.owner.citizenId)!;
  const made = world.ctx.exemption.status(citizen).decisions[0];
  if (made) return made.id;
  const outcome = world.ctx.exemption.apply(citizen, { idDocument: 'none', reason: 'other', otherReason: 'sweep', corrects: null });
  if (outcome.kind !== 'decided') throw new Error('no decision');
  return world.ctx.exemption.requestAttestation(citizen, outcome.decision.id).id;
}

/** Who owns a route's objects: the trainee themself, or their class's teacher (or, in the issuer console, an operator). */
const teacherRoute = (path: string) => path.startsWith('/teacher') || path.startsWith('/workshop');
/** Teacher pages of what all teachers share (the scenario library): refused to trainees and visitors only. */
const sharedByTeachers = (path: string) => path.startsWith('/teacher/scenarios/');
const issuerRoute = (path: string) => path.startsWith('/issuer');

/** GETs that change stored state on purpose, with the reason. */
const getsThatWrite: Record<string, string> = {
  '/nemid-secure-login.dk-verify/:token':
    'the workshop records that a participant followed a staged phishing link, once per participant and attack, as awareness tools count clicks',
  '/mitid-sikkerhed.dk-verify/:token': 'the same for the MitID look-alike of a staged phishing letter',
};

function fill(path: string, params: Record<string, string>): string {
  return path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? 'x'));
}

/** A digest of every stored table but the sessions, one per table. */
function tableDigests(ctx: Context): Map<string, string> {
  const tables = ctx.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('sessions') ORDER BY name").all() as {
    name: string;
  }[];
  return new Map(
    tables.map(({ name }) => [
      name,
      crypto
        .createHash('sha256')
        .update(JSON.stringify(ctx.db.prepare(`SELECT * FROM "${name}"`).all()))
        .digest('hex'),
    ]),
  );
}

function snapshot(ctx: Context): string {
  return JSON.stringify([...tableDigests(ctx)]);
}

/** The tables whose digest differs between two moments. */
function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((name) => before.get(name) !== after.get(name));
}

let world: World;
let trainee: Agent;
let otherTrainee: Agent;
let ownTeacher: Agent;
let otherTeacher: Agent;
let operator: Agent;

beforeAll(async () => {
  const ctx = await seededContext();
  const teacherA = ctx.teachers.insert('teacher-a', await hashPassword('teacher-a-password'), Date.now());
  ctx.teachers.insert('teacher-b', await hashPassword('teacher-b-password'), Date.now());
  const klass = await ctx.scenarios.createClass('OWNED', 'default', 2, teacherA, 'cli');
  const ownerCitizen = ctx.citizens.listInClass(klass.id).find((citizen) => citizen.state === 'active')!;
  const app = testApp(ctx, { loginRateLimitPerMinute: 10_000 });
  world = {
    ctx,
    app,
    owner: {
      identifier: ownerCitizen.userId ?? ownerCitizen.nemidNumber,
      password: ownerCitizen.knownPassword!,
      citizenId: ownerCitizen.id,
      classCode: klass.code,
    },
  };
  trainee = request.agent(app);
  await loginAs(trainee, ctx, world.owner.identifier, world.owner.password);
  otherTrainee = request.agent(app);
  await loginAs(otherTrainee, ctx, 'mette.hansen', 'Hest2024');
  ownTeacher = request.agent(app);
  await teacherLogin(ownTeacher, 'teacher-a', 'teacher-a-password');
  otherTeacher = request.agent(app);
  await teacherLogin(otherTeacher, 'teacher-b', 'teacher-b-password');
  await ctx.issuer.addOperator('operator-a', 'operator-a-password', Date.now());
  operator = request.agent(app);
  await submitForm(operator, '/issuer/login', '/issuer/login', { username: 'operator-a', password: 'operator-a-password' });
});

describe('the route table', () => {
  it('has a fixture for every route with an object id', () => {
    const missing = routeTable(world.app).filter((route) => route.path.includes(':') && !fixtures[route.path]);
    expect(missing).toEqual([]);
  });
});

describe('CSRF sweep', () => {
  it('refuses every state-changing route without a token and with a wrong one', async () => {
    const changing = routeTable(world.app).filter((route) => route.method !== 'GET' && route.method !== 'HEAD');
    expect(changing.length).toBeGreaterThan(5);
    for (const route of changing) {
      const url = fill(route.path, fixtures[route.path]?.(world) ?? {});
      for (const agent of [trainee, ownTeacher]) {
        const before = snapshot(world.ctx);
        const missing = await agent[route.method.toLowerCase() as 'post'](url).type('form').send({});
        expect(missing.status, `${route.method} ${route.path} without a token`).toBe(403);
        const wrong = await agent[route.method.toLowerCase() as 'post'](url).type('form').send({ _csrf: 'forged.token' });
        expect(wrong.status, `${route.method} ${route.path} with a forged token`).toBe(403);
        expect(snapshot(world.ctx), `${route.method} ${route.path} changed state`).toBe(before);
      }
    }
  });
});

describe('GET sweep', () => {
  const gets = () => routeTable(world.app).filter((route) => route.method === 'GET' && !getsThatWrite[route.path]);

  // The letters' notifications are not among the changes: they were written when the letters arrived.
  it('changes on a first visit of every page only what a first look does: an opened letter is read, a signing page picks its key', async () => {
    const urls = gets().map((route) => fill(route.path, fixtures[route.path]?.(world) ?? {}));
    const before = tableDigests(world.ctx);
    const lastEvent = (world.ctx.db.prepare('SELECT max(id) AS id FROM events').get() as { id: number }).id;
    for (const url of urls) for (const agent of [trainee, ownTeacher]) await agent.get(url);
    expect(changedTables(before, tableDigests(world.ctx))).toEqual(['events', 'keycards', 'letters']);
    const written = world.ctx.db.prepare('SELECT DISTINCT type FROM events WHERE id > ?').all(lastEvent) as { type: string }[];
    expect(written.map((event) => event.type)).toEqual(['letter-read']);
  });

  it('changes nothing stored on any GET after that, for anonymous visitors, trainees and teachers', async () => {
    for (const route of gets()) {
      const url = fill(route.path, fixtures[route.path]?.(world) ?? {});
      for (const agent of [request.agent(world.app), trainee, ownTeacher]) {
        const before = snapshot(world.ctx);
        const response = await agent.get(url);
        expect(response.status, `GET ${url}`).toBeLessThan(500);
        expect(snapshot(world.ctx), `GET ${url} changed state`).toBe(before);
      }
    }
  });
});

describe('authorisation sweep', () => {
  it('shows each object to its owner and refuses everyone else with 303 to a login, 403 or 404', async () => {
    const withIds = routeTable(world.app).filter((route) => route.path.includes(':') && route.method === 'GET');
    for (const route of withIds) {
      const url = fill(route.path, fixtures[route.path]!(world));
      const owner = issuerRoute(route.path) ? operator : teacherRoute(route.path) ? ownTeacher : trainee;
      expect((await owner.get(url)).status, `owner GET ${url}`).toBe(200);
      const others = issuerRoute(route.path)
        ? [trainee, ownTeacher, request.agent(world.app)]
        : sharedByTeachers(route.path)
          ? [otherTrainee, request.agent(world.app)]
          : teacherRoute(route.path)
            ? [otherTeacher, otherTrainee, request.agent(world.app)]
            : [otherTrainee, otherTeacher, request.agent(world.app)];
      for (const agent of others) {
        const response = await agent.get(url);
        const refused =
          [403, 404].includes(response.status) || (response.status === 303 && /login|^\/#|^\/$/.test(response.headers.location ?? ''));
        expect(refused, `GET ${url} answered ${response.status} ${response.headers.location ?? ''} to someone else`).toBe(true);
      }
    }
  });
});
