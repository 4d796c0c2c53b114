import type { CitizenRepository } from '../citizen/citizen-repository.ts';
import type { Citizen } from '../citizen/types.ts';
import type { ClassClock } from '../common/clock.ts';
import type { EventLog } from '../common/event-log.ts';
import { attackPlans } from './attacks.ts';
import { mitidDecisionOf, workshopFacts, type TargetFacts } from './workshop-facts.ts';
import { workshopEvents } from './workshop-events.ts';
import type { WorkshopRepository } from './workshop-repository.ts';
import {
  attackKinds,
  mitidAttackKinds,
  steps,
  type AttackKind,
  type MitidAttackKind,
  type MitidDecision,
  type Step,
  type Workshop,
} from './types.ts';

/** One MitID attack of the debrief: how many participants approved a request they did not start, rejected it, or did nothing. */
export interface MitidCountRow {
  kind: MitidAttackKind;
  /** The rule of docs/mitid.md that approving breaks. */
  rule: string;
  /** Participant-attacks that have reached the participants. */
  received: number;
  counts: Record<MitidDecision, number>;
}

export interface FunnelRow {
  /** An attack kind, or `all` for the whole workshop. */
  kind: AttackKind | 'all';
  /** How many participant-attacks reached each step. */
  counts: Record<Step, number>;
  /** Participant-attacks staged (received or not yet). */
  staged: number;
  /** Of those, the participant-attacks whose participant has logged in since the workshop started. */
  loggedIn: number;
}

export interface ParticipantSummary {
  citizen: Citizen;
  targets: TargetFacts[];
  score: number;
  reported: number;
  compromised: number;
  quiz: { score: number; of: number } | null;
}

/**
 * The debrief (R5): what happened to each participant in each staged attack, the class's
 * funnel from received to reported, and the quiz results, all read from the event log.
 */
export class DebriefService {
  constructor(private readonly deps: { repo: WorkshopRepository; citizens: CitizenRepository; clock: ClassClock; events: EventLog }) {}

  facts(workshop: Workshop): TargetFacts[] {
    return workshopFacts({
      attacks: this.deps.repo.attacks(workshop.id),
      targets: this.deps.repo.targets(workshop.id),
      citizens: this.deps.citizens.listInClass(workshop.classId),
      events: this.deps.events.list({ classId: workshop.classId }),
      now: this.deps.clock.now(workshop.classId),
      startedAt: workshop.startedAt,
    });
  }

  funnel(facts: TargetFacts[]): FunnelRow[] {
    const row = (kind: FunnelRow['kind'], of: TargetFacts[]): FunnelRow => ({
      kind,
      staged: of.length,
      loggedIn: of.filter((fact) => fact.loggedIn !== null).length,
      counts: Object.fromEntries(steps.map((step) => [step, of.filter((fact) => fact.at[step] !== null).length])) as Record<Step, number>,
    });
    const kinds = attackKinds.filter((kind) => facts.some((fact) => fact.attack.kind === kind));
    return [
      ...kinds.map((kind) =>
        row(
          kind,
          facts.filter((fact) => fact.attack.kind === kind),
        ),
      ),
      row('all', facts),
    ];
  }

  /** Per MitID attack of the workshop (in the catalogue's order): who approved, who rejected, who did nothing, of those it reached. */
  mitidCounts(facts: TargetFacts[]): MitidCountRow[] {
    return mitidAttackKinds
      .map((kind) => ({ kind, of: facts.filter((fact) => fact.attack.kind === kind && fact.at.received !== null) }))
      .filter(({ kind, of }) => of.length > 0 || facts.some((fact) => fact.attack.kind === kind))
      .map(({ kind, of }) => ({
        kind,
        rule: attackPlans[kind].mitid!.rule,
        received: of.length,
        counts: countBy(of.map(mitidDecisionOf)),
      }));
  }

  participants(workshop: Workshop, facts: TargetFacts[]): ParticipantSummary[] {
    const quizzes = this.deps.events
      .list({ classId: workshop.classId })
      .filter((event) => event.type === workshopEvents.quizAnswered && event.at >= workshop.startedAt);
    const byCitizen = new Map<number, ParticipantSummary>();
    for (const fact of facts) {
      const summary = byCitizen.get(fact.citizen.id) ?? {
        citizen: fact.citizen,
        targets: [],
        score: 0,
        reported: 0,
        compromised: 0,
        quiz: null,
      };
      summary.targets.push(fact);
      summary.score += fact.score;
      if (fact.at.reported !== null || fact.at.blocked !== null) summary.reported += 1;
      if (fact.outcome.startsWith('compromised')) summary.compromised += 1;
      byCitizen.set(fact.citizen.id, summary);
    }
    for (const event of quizzes) {
      const summary = event.citizenId === null ? undefined : byCitizen.get(event.citizenId);
      if (summary) summary.quiz = { score: Number(event.data.score), of: Number(event.data.of) };
    }
    return [...byCitizen.values()];
  }
}

const countBy = (decisions: MitidDecision[]): Record<MitidDecision, number> => {
  const counts: Record<MitidDecision, number> = { approved: 0, rejected: 0, none: 0 };
  for (const decision of decisions) counts[decision] += 1;
  return counts;
};
