import { csvTime, type CsvTable } from '../common/csv.ts';
import type { Translate } from '../common/i18n.ts';
import { attackPlans } from './attacks.ts';
import { mitidDecisionOf, type TargetFacts } from './workshop-facts.ts';
import { steps, type AttackKind, type MitidDecision, type Outcome, type Step } from './types.ts';

/**
 * One participant in one staged attack as plain values: a row of the debrief's CSV, and
 * what a teacher's reset archive keeps of a debrief (the facts themselves hold whole
 * citizens and tokens, and are gone with the participants' events after a reset).
 */
export interface DebriefRecord {
  name: string;
  nemidNumber: string;
  attack: AttackKind;
  /** When each step was first reached, on the class clock. */
  at: Record<Step, number | null>;
  passwordReal: boolean;
  codesTyped: number;
  realCodes: number;
  relayed: boolean;
  outcome: Outcome;
  score: number;
  /** MitID attacks only: approved, rejected or did nothing with the request, and the rule approving breaks (docs/mitid.md). */
  mitid?: { decision: MitidDecision; rule: string };
}

export function debriefRecord(fact: TargetFacts): DebriefRecord {
  return {
    name: fact.citizen.name,
    nemidNumber: fact.citizen.nemidNumber,
    attack: fact.attack.kind,
    at: { ...fact.at },
    passwordReal: fact.passwordReal,
    codesTyped: fact.codesTyped,
    realCodes: fact.realCodes,
    relayed: fact.relay !== null,
    outcome: fact.outcome,
    score: fact.score,
    ...(attackPlans[fact.attack.kind].mitid
      ? { mitid: { decision: mitidDecisionOf(fact), rule: attackPlans[fact.attack.kind].mitid!.rule } }
      : {}),
  };
}

/** The debrief's CSV columns in the reader's language, one row per record; two more (the MitID decision and its rule) when the workshop staged a MitID attack. */
export function debriefTable(t: Translate, records: DebriefRecord[]): CsvTable {
  const yesNo = (value: boolean) => t(value ? 'workshop:csv.yes' : 'workshop:csv.no');
  const withMitid = records.some((record) => record.mitid);
  const mitidColumns = withMitid ? (['mitidDecision', 'mitidRule'] as const) : [];
  const header = (
    [
      'name',
      'nemidNumber',
      'attack',
      ...steps,
      'passwordReal',
      'codesTyped',
      'realCodes',
      'relayed',
      'outcome',
      'score',
      ...mitidColumns,
    ] as const
  ).map((column) => t(`workshop:csv.${column}`));
  const rows = records.map((record) => [
    record.name,
    record.nemidNumber,
    t(`workshop:attacks.${attackPlans[record.attack].key}.name`),
    ...steps.map((step) => csvTime(record.at[step])),
    yesNo(record.passwordReal),
    record.codesTyped,
    record.realCodes,
    yesNo(record.relayed),
    t(`workshop:outcomes.${record.outcome}`),
    record.score,
    ...(withMitid ? (record.mitid ? [t(`workshop:mitid.decisions.${record.mitid.decision}`), record.mitid.rule] : ['', '']) : []),
  ]);
  return { header, rows };
}
