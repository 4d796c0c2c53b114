import type { Citizen } from '../citizen/types.ts';
import type { EventRow } from '../common/event-log.ts';
import { workshopEvents } from './workshop-events.ts';
import { steps, type Attack, type MitidDecision, type Outcome, type Step, type Target } from './types.ts';

/** A code the attacker holds as a fact: which key, of which card (never the code itself). */
export interface CapturedKey {
  key: string;
  cardId: number;
  used: boolean;
}

/** Everything that happened to one participant in one staged attack, read from the event log. */
export interface TargetFacts {
  target: Target;
  attack: Attack;
  citizen: Citizen;
  /** When each step was first reached, on the class clock (null: not reached). */
  at: Record<Step, number | null>;
  passwordsTyped: number;
  passwordReal: boolean;
  codesTyped: number;
  realCodes: number;
  /** The attacker's relayed login that succeeded: it reached the participant's mailbox. */
  relay: { at: number; key: string; cardId: number } | null;
  /** Real codes captured but not used by the relay (unused keys are the dangerous ones). */
  harvested: CapturedKey[];
  replay: { at: number; key: string; askedKey: string | null; outcome: string } | null;
  hungUp: number | null;
  declined: number | null;
  /** When the participant first refused the caller (said something that is not a password). */
  refused: number | null;
  /** The participant's first completed login since the workshop started (null: none yet). */
  loggedIn: number | null;
  /** The MitID attacks (M10-M13): when the user ID was typed on the look-alike (and whether it was real), when a staged request was first approved or rejected. */
  mitid: { userId: number | null; userIdReal: boolean; approved: number | null; rejected: number | null };
  outcome: Outcome;
  /** +1 for reporting or blocking, -1 for giving anything away (awareness tools count reports). */
  score: number;
}

const emptySteps = (): Record<Step, number | null> => Object.fromEntries(steps.map((step) => [step, null])) as Record<Step, number | null>;

/**
 * Given away means what the sandbox's own check found real: the password, a code printed
 * on the participant's card, a photo of the card. A wrong password or code typed is shown
 * as such ('gave-wrong'), a refusal on the call as the right answer it is.
 */
function outcomeOf(
  facts: Pick<TargetFacts, 'at' | 'passwordReal' | 'realCodes' | 'refused' | 'hungUp' | 'declined' | 'loggedIn' | 'mitid'>,
): Outcome {
  const { at, mitid } = facts;
  if (at.received === null) return 'not-yet';
  // No verdict before an action: until the participant did something with the attack.
  const acted =
    steps.some((step) => step !== 'received' && at[step] !== null) ||
    facts.declined !== null ||
    facts.hungUp !== null ||
    facts.refused !== null ||
    mitid.approved !== null ||
    mitid.rejected !== null ||
    mitid.userId !== null;
  if (!acted) return facts.loggedIn === null ? 'not-logged-in' : 'not-opened';
  // Approving a request one did not start lets the attacker in (M10-M12).
  const gaveAway = facts.passwordReal || facts.realCodes > 0 || at.photo !== null || mitid.approved !== null;
  const reported = at.reported !== null || at.blocked !== null;
  if (gaveAway) return reported ? 'compromised-reported' : 'compromised';
  if (reported) return 'reported';
  if (mitid.rejected !== null) return 'rejected';
  if (at.password !== null || at.codes !== null) return 'gave-wrong';
  if (facts.refused !== null || facts.hungUp !== null) return 'refused';
  return at.clicked !== null ? 'clicked' : 'ignored';
}

/**
 * Reads what happened in a workshop from the class's event log: the workshop's own
 * events (by target id), Digital Post's `letter-read` (the staged letter opened) and the
 * owner's `blocked` (R14) after the participant met the attack (opened its letter,
 * followed its link or answered its call).
 */
export function workshopFacts(input: {
  attacks: Attack[];
  targets: Target[];
  citizens: Citizen[];
  events: EventRow[];
  now: number;
  startedAt: number;
}): TargetFacts[] {
  const attacks = new Map(input.attacks.map((attack) => [attack.id, attack]));
  const citizens = new Map(input.citizens.map((citizen) => [citizen.id, citizen]));
  const byTarget = new Map<number, EventRow[]>();
  const letterRead = new Map<number, number>();
  const ownerBlocks = new Map<number, number[]>();
  const logins = new Map<number, number>();
  for (const event of input.events) {
    if (
      event.type === 'login-ok' &&
      event.actor === 'trainee' &&
      event.citizenId !== null &&
      event.at >= input.startedAt &&
      !logins.has(event.citizenId)
    )
      logins.set(event.citizenId, event.at);
    const targetId = event.data.targetId;
    if (typeof targetId === 'number') byTarget.set(targetId, [...(byTarget.get(targetId) ?? []), event]);
    if (event.type === 'letter-read' && typeof event.data.letterId === 'number' && !letterRead.has(event.data.letterId))
      letterRead.set(event.data.letterId, event.at);
    if (event.type === 'blocked' && event.actor === 'trainee' && event.citizenId !== null)
      ownerBlocks.set(event.citizenId, [...(ownerBlocks.get(event.citizenId) ?? []), event.at]);
  }

  const facts: TargetFacts[] = [];
  for (const target of input.targets) {
    const attack = attacks.get(target.attackId);
    const citizen = citizens.get(target.citizenId);
    if (!attack || !citizen) continue;
    const at = emptySteps();
    const first = (step: Step, time: number) => {
      if (at[step] === null) at[step] = time;
    };
    const fact: TargetFacts = {
      target,
      attack,
      citizen,
      at,
      passwordsTyped: 0,
      passwordReal: false,
      codesTyped: 0,
      realCodes: 0,
      relay: null,
      harvested: [],
      replay: null,
      hungUp: null,
      declined: null,
      refused: null,
      loggedIn: logins.get(citizen.id) ?? null,
      mitid: { userId: null, userIdReal: false, approved: null, rejected: null },
      outcome: 'not-yet',
      score: 0,
    };
    if (attack.startsAt <= input.now) first('received', attack.startsAt);
    if (target.letterId !== null && letterRead.has(target.letterId)) first('opened', letterRead.get(target.letterId)!);
    for (const event of byTarget.get(target.id) ?? []) {
      const data = event.data;
      switch (event.type) {
        case workshopEvents.linkFollowed:
          first('clicked', event.at);
          break;
        case workshopEvents.callAnswered:
          first('opened', event.at);
          break;
        case workshopEvents.callDeclined:
          fact.declined ??= event.at;
          break;
        case workshopEvents.callHungUp:
          fact.hungUp ??= event.at;
          break;
        case workshopEvents.callRefused:
          fact.refused ??= event.at;
          break;
        case workshopEvents.photoUploaded:
          first('photo', event.at);
          break;
        case workshopEvents.reported:
          first('reported', event.at);
          break;
        case workshopEvents.passwordTyped:
          first('password', event.at);
          fact.passwordsTyped += 1;
          fact.passwordReal ||= data.real === true;
          break;
        case workshopEvents.codeTyped:
          first('codes', event.at);
          fact.codesTyped += 1;
          if (data.real === true) fact.realCodes += 1;
          if (data.relay === 'ok' && typeof data.key === 'string' && typeof data.cardId === 'number')
            fact.relay ??= { at: event.at, key: data.key, cardId: data.cardId };
          else if (data.real === true && typeof data.key === 'string' && typeof data.cardId === 'number')
            fact.harvested.push({ key: data.key, cardId: data.cardId, used: data.used === true });
          break;
        case workshopEvents.codesTyped: {
          first('codes', event.at);
          fact.codesTyped += Number(data.typed ?? 0);
          const captured = Array.isArray(data.captured) ? (data.captured as CapturedKey[]) : [];
          fact.realCodes += captured.length;
          fact.harvested.push(...captured);
          break;
        }
        case workshopEvents.mitidUserIdTyped:
          fact.mitid.userId ??= event.at;
          fact.mitid.userIdReal ||= data.real === true;
          break;
        case workshopEvents.mitidApproved:
          fact.mitid.approved ??= event.at;
          break;
        case workshopEvents.mitidRejected:
          fact.mitid.rejected ??= event.at;
          break;
        case workshopEvents.replayed:
          fact.replay = {
            at: event.at,
            key: String(data.key ?? ''),
            askedKey: typeof data.askedKey === 'string' ? data.askedKey : null,
            outcome: String(data.outcome),
          };
          break;
      }
    }
    // A block answers the attacks the participant had met (opened its letter, followed its
    // link, or was on the call) by then, not every attack of the workshop.
    const met = [at.opened, at.clicked, fact.mitid.approved, fact.mitid.rejected].filter((time): time is number => time !== null);
    const metAt = met.length > 0 ? Math.min(...met) : null;
    const block = metAt === null ? undefined : (ownerBlocks.get(citizen.id) ?? []).find((time) => time >= metAt);
    if (block !== undefined) first('blocked', block);
    fact.outcome = outcomeOf(fact);
    fact.score = (at.reported !== null || at.blocked !== null ? 1 : 0) - (fact.outcome.startsWith('compromised') ? 1 : 0);
    facts.push(fact);
  }
  return facts;
}

/** What the participant did with one MitID attack's requests: approved one (the mistake), rejected them (right), or nothing. */
export function mitidDecisionOf(fact: Pick<TargetFacts, 'mitid'>): MitidDecision {
  if (fact.mitid.approved !== null) return 'approved';
  return fact.mitid.rejected !== null ? 'rejected' : 'none';
}
