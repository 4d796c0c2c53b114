import type { CitizenRepository } from '../citizen/citizen-repository.ts';
import { NotFound } from '../common/errors.ts';
import type { MailboxService } from '../mailbox/mailbox-service.ts';
import type { Letter } from '../mailbox/types.ts';
import type { DebriefService } from './debrief-service.ts';
import type { MitidAttackService } from './mitid-attacks.ts';
import type { Relay } from './relay.ts';
import type { TargetFacts } from './workshop-facts.ts';
import { workshopEvents, type TargetEvents } from './workshop-events.ts';
import type { WorkshopRepository } from './workshop-repository.ts';
import type { Workshop } from './types.ts';

/** The attacker's session in a participant's mailbox, opened by a relayed login. */
export interface AttackerSession {
  facts: TargetFacts;
  /** Still open: the owner has not blocked NemID since (a block ends every session, R13). */
  open: boolean;
  letters: Letter[];
}

/**
 * The attacker's view, for the facilitator: what each staged attack captured (facts only),
 * the relayed logins that reached a mailbox, and a replay of a captured code against a
 * fresh challenge, which fails because a key is used once (R4).
 */
export class AttackerService {
  constructor(
    private readonly deps: {
      repo: WorkshopRepository;
      citizens: CitizenRepository;
      relay: Relay;
      debrief: DebriefService;
      events: TargetEvents;
      mailbox: MailboxService;
      mitidAttacks: MitidAttackService;
    },
  ) {}

  /** The targets where the attacker got something: a real password, a relayed login, codes or a card photo. */
  captured(workshop: Workshop): TargetFacts[] {
    return this.deps.debrief
      .facts(workshop)
      .filter(
        (fact) =>
          fact.passwordReal ||
          fact.relay !== null ||
          fact.harvested.length > 0 ||
          fact.at.photo !== null ||
          fact.mitid.approved !== null ||
          fact.mitid.userIdReal,
      );
  }

  private factsOf(workshop: Workshop, targetId: number): TargetFacts {
    const facts = this.deps.debrief.facts(workshop).find((fact) => fact.target.id === targetId);
    if (!facts) throw new NotFound();
    return facts;
  }

  /** What the attacker's relayed login sees: the participant's Digital Post, read only. */
  session(workshop: Workshop, targetId: number): AttackerSession {
    const facts = this.factsOf(workshop, targetId);
    // The attacker got in by a relayed key code (NemID) or by an approval in the MitID app.
    const inAt = facts.relay?.at ?? facts.mitid.approved;
    const open = inAt !== null && (facts.at.blocked === null || facts.at.blocked < inAt);
    const letters = open
      ? this.deps.mailbox
          .arrivedLetters(facts.citizen.id)
          .filter((letter) => letter.direction === 'in' && letter.channel === 'digital' && letter.trashedAt === null)
          .reverse()
      : [];
    return { facts, open, letters };
  }

  /**
   * Replays the relayed code once, against the key the real login asks now. Like any
   * attempt at the real login, a wrong code counts against the owner's NemID (R4).
   * Returns false when there is nothing to replay or it was replayed already.
   */
  replay(workshop: Workshop, targetId: number): boolean {
    const facts = this.factsOf(workshop, targetId);
    if (facts.mitid.approved !== null && !facts.replay)
      return this.deps.mitidAttacks.replay(this.deps.repo.withAttack(facts.target)) !== undefined;
    if (!facts.relay || facts.replay) return false;
    const citizen = this.deps.citizens.findById(facts.citizen.id)!;
    const { askedKey, outcome } = this.deps.relay.replay(citizen, facts.relay.cardId, facts.relay.key);
    const target = this.deps.repo.withAttack(facts.target);
    const result = outcome.kind === 'locked' ? outcome.code : outcome.kind;
    this.deps.events.record(
      target,
      workshop.classId,
      workshopEvents.replayed,
      'R4',
      { key: facts.relay.key, askedKey: askedKey ?? null, outcome: result },
      'teacher',
    );
    return true;
  }
}
