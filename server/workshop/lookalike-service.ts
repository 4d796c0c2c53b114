import type { CitizenRepository } from '../citizen/citizen-repository.ts';
import type { Citizen } from '../citizen/types.ts';
import { NotFound } from '../common/errors.ts';
import { attackPlans, tokenPattern } from './attacks.ts';
import type { CapturedKey } from './workshop-facts.ts';
import { workshopEvents, type TargetEvents } from './workshop-events.ts';
import type { WorkshopRepository } from './workshop-repository.ts';
import type { Relay } from './relay.ts';
import type { TargetWithAttack } from './types.ts';

/** Where a participant is on the look-alike site; derived from the event log, so it survives a reload. */
export type LookAlikeStep =
  { step: 'password' } | { step: 'code'; keyNumber: string } | { step: 'more'; asks: 'codes' | 'photo' } | { step: 'done' };

export interface LookAlikeDeps {
  repo: WorkshopRepository;
  citizens: CitizenRepository;
  relay: Relay;
  events: TargetEvents;
}

/**
 * The look-alike login site of a staged phishing letter. It asks what the real campaigns
 * asked: user ID and password, the code the real login wants (relayed at once: real-time
 * phishing), then several more codes or a photo of the key card. It keeps nothing typed:
 * each step writes one event with facts only (typed, real or not, which key).
 */
export class LookAlikeService {
  constructor(private readonly deps: LookAlikeDeps) {}

  /**
   * The participant's own target behind a look-alike link, once its letter has arrived;
   * otherwise not found. `mitid`: the MitID look-alike's link (each site opens only its own letters).
   */
  target(token: string, citizenId: number, mitid = false): TargetWithAttack {
    const found = tokenPattern.test(token) ? this.deps.repo.byToken(token) : undefined;
    if (!found || found.citizenId !== citizenId) throw new NotFound();
    const target = this.deps.repo.withAttack(found);
    const plan = attackPlans[target.attack.kind];
    if (
      plan.channel !== 'letter' ||
      (plan.asks === 'mitid') !== mitid ||
      target.attack.startsAt > this.deps.events.now(target.workshop.classId)
    )
      throw new NotFound();
    return target;
  }

  private citizen(target: TargetWithAttack): Citizen {
    return this.deps.citizens.findById(target.citizenId)!;
  }

  private record(target: TargetWithAttack, type: string, data: Record<string, unknown> = {}): void {
    this.deps.events.record(target, target.workshop.classId, type, 'R5', data);
  }

  step(target: TargetWithAttack): LookAlikeStep {
    const events = this.deps.events.of(target);
    if (events.some((event) => event.type === workshopEvents.codesTyped || event.type === workshopEvents.photoUploaded))
      return { step: 'done' };
    let lastPassword = events.length - 1;
    while (lastPassword >= 0 && events[lastPassword]!.type !== workshopEvents.passwordTyped) lastPassword -= 1;
    if (lastPassword === -1) return { step: 'password' };
    const relayDone = events.slice(lastPassword).some((event) => event.type === workshopEvents.codeTyped && event.data.relay !== 'wrong');
    if (events[lastPassword]!.data.relay === 'challenge' && !relayDone) {
      const keyNumber = this.deps.relay.openChallenge(this.citizen(target));
      if (keyNumber) return { step: 'code', keyNumber };
    }
    return { step: 'more', asks: attackPlans[target.attack.kind].asks as 'codes' | 'photo' };
  }

  /** The participant followed the link in the letter (recorded once). */
  followLink(target: TargetWithAttack): void {
    if (this.deps.events.of(target).some((event) => event.type === workshopEvents.linkFollowed)) return;
    this.record(target, workshopEvents.linkFollowed);
  }

  /** User ID and password typed: checked by the sandbox's own check, relayed to the real login when real. */
  async typePassword(target: TargetWithAttack, identifier: string, password: string): Promise<void> {
    const citizen = this.citizen(target);
    const userIdReal = this.deps.citizens.findByIdentifier(identifier.trim())?.id === citizen.id;
    const real = await this.deps.relay.isPassword(citizen, password);
    const relay = real && userIdReal ? await this.deps.relay.relayPassword(citizen, password) : 'none';
    this.record(target, workshopEvents.passwordTyped, { real, userIdReal, relay, channel: 'web' });
  }

  /** The code for the key the real login asks: relayed at once. A wrong one is asked again, as the real login would. */
  typeCode(target: TargetWithAttack, code: string): { kind: 'next' } | { kind: 'wrong'; triesLeft: number } {
    const citizen = this.citizen(target);
    const askedKey = this.deps.relay.openChallenge(citizen);
    const fact = this.deps.relay.codeFact(citizen, code);
    const outcome = askedKey ? this.deps.relay.relayCode(citizen, code) : undefined;
    const relay = outcome ? (outcome.kind === 'locked' ? outcome.code : outcome.kind) : 'none';
    this.record(target, workshopEvents.codeTyped, { ...fact, askedKey: askedKey ?? null, relay, channel: 'web' });
    return outcome?.kind === 'wrong' ? { kind: 'wrong', triesLeft: outcome.triesLeft } : { kind: 'next' };
  }

  /** Several key numbers and codes ("confirm your card"): only which keys were real is kept. */
  typeCodes(target: TargetWithAttack, pairs: { key: string; code: string }[]): void {
    const citizen = this.citizen(target);
    const captured: CapturedKey[] = [];
    for (const pair of pairs) {
      const fact = this.deps.relay.codeFact(citizen, pair.code, pair.key);
      if (fact.real && !captured.some((known) => known.key === fact.key))
        captured.push({ key: fact.key!, cardId: fact.cardId!, used: fact.used === true });
    }
    this.record(target, workshopEvents.codesTyped, { typed: pairs.length, captured });
  }

  /** A photo of the key card was uploaded; the file itself is never kept. */
  uploadPhoto(target: TargetWithAttack): void {
    this.record(target, workshopEvents.photoUploaded);
  }
}
