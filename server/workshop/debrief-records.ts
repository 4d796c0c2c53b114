import { csvTime, type CsvTable } from '../common/csv.ts';
import type { Translate } from '../common/i18n.ts';
import { attackPlans } from './attacks.ts';
import type { TargetFacts } from './workshop-facts.ts';
import { steps, type AttackKind, type Outcome, type Step } from './types.ts';

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
  };
}

/** The debrief's CSV columns in the reader's language, one row per record. */
export function debriefTable(t: Translate, records: DebriefRecord[]): CsvTable {
  const yesNo = (value: boolean) => t(value ? 'workshop:csv.yes' : 'workshop:csv.no');
  const header = (['name', 'nemidNumber', 'attack', ...steps, 'passwordReal', 'codesTyped', 'realCodes', 'relayed', 'outcome', 'score'] as const).map((column) => t(`workshop:csv.${column}`));
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
  ]);
  return { header, rows };
}
