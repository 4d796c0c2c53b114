import type { Context } from '../../server/context.ts';

/** The ids the route sweep fills into the workshop's routes: all of them belong to the owner (or the owner's teacher). */
export interface WorkshopIds {
  id: string;
  attackId: string;
  targetId: string;
  token: string;
  callToken: string;
  letterId: string;
}

const made = new WeakMap<object, WorkshopIds>();

/**
 * A workshop on the owner's class, started by its teacher with every staged attack due now,
 * made once per sweep world: the owner's look-alike link, call and staged letter.
 */
export function workshopFixture(world: { ctx: Context; owner: { citizenId: number; classCode: string } }): WorkshopIds {
  const known = made.get(world);
  if (known) return known;
  const { ctx, owner } = world;
  const klass = ctx.classes.findByCode(owner.classCode)!;
  const id = ctx.workshop.workshops.start(klass, klass.teacherId!, [
    { kind: 'tax-refund', minutes: 0 },
    { kind: 'support-call', minutes: 0 },
  ]);
  const { workshop } = ctx.workshop.workshops.visibleWorkshop(klass.teacherId!, id)!;
  const facts = ctx.workshop.debrief.facts(workshop).filter((fact) => fact.citizen.id === owner.citizenId);
  const letter = facts.find((fact) => fact.attack.kind === 'tax-refund')!.target;
  const call = facts.find((fact) => fact.attack.kind === 'support-call')!.target;
  const ids = {
    id: String(id),
    attackId: String(letter.attackId),
    targetId: String(letter.id),
    token: letter.token,
    callToken: call.token,
    letterId: String(letter.letterId),
  };
  made.set(world, ids);
  return ids;
}

const madeMitid = new WeakMap<object, { requestId: string; token: string }>();

/**
 * The owner's MitID objects for the sweep, made once per sweep world: the owner is given a
 * MitID (keeping the NemID), a request waiting in their app, and a workshop whose MitID
 * phishing letter gives them a link to the MitID look-alike.
 */
export function mitidFixture(world: { ctx: Context; owner: { citizenId: number; classCode: string } }): {
  requestId: string;
  token: string;
} {
  const known = madeMitid.get(world);
  if (known) return known;
  const { ctx, owner } = world;
  ctx.db
    .prepare(
      "INSERT INTO mitid_identities (citizen_id, user_id, password_hash, known_password, holds_nemid, created_at) VALUES (?, 'sweep.owner', 'x', 'x', 1, 0)",
    )
    .run(owner.citizenId);
  const requestId = ctx.mitid.stageRequest(owner.citizenId, 'bank').id;
  const klass = ctx.classes.findByCode(owner.classCode)!;
  const id = ctx.workshop.workshops.start(klass, klass.teacherId!, [{ kind: 'mitid-letter', minutes: 0 }]);
  const { workshop } = ctx.workshop.workshops.visibleWorkshop(klass.teacherId!, id)!;
  const target = ctx.workshop.debrief.facts(workshop).find((fact) => fact.citizen.id === owner.citizenId)!.target;
  const ids = { requestId: String(requestId), token: target.token };
  madeMitid.set(world, ids);
  return ids;
}
