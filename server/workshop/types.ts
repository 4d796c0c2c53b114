/**
 * The staged attacks a facilitator can run (R5), each modelled on a real NemID-era campaign,
 * and the MitID attacks (docs/mitid.md, M10-M13), staged only on participants who hold MitID.
 */
export const attackKinds = [
  'tax-refund',
  'locked-letter',
  'support-call',
  'card-photo',
  'mitid-push',
  'mitid-call',
  'mitid-letter',
] as const;
export type AttackKind = (typeof attackKinds)[number];

/** The MitID attacks: each puts an approval request the participant did not start in their MitID app. */
export const mitidAttackKinds = ['mitid-push', 'mitid-call', 'mitid-letter'] as const satisfies readonly AttackKind[];
export type MitidAttackKind = (typeof mitidAttackKinds)[number];
export const isMitidAttack = (kind: AttackKind): kind is MitidAttackKind => (mitidAttackKinds as readonly string[]).includes(kind);

/** What a participant did with the approval requests of one MitID attack: approved one, rejected them, or nothing. */
export type MitidDecision = 'approved' | 'rejected' | 'none';

export interface Workshop {
  id: number;
  classId: number;
  teacherId: number | null;
  /** On the class clock. */
  startedAt: number;
  endedAt: number | null;
}

export interface Attack {
  id: number;
  workshopId: number;
  kind: AttackKind;
  /** When it reaches the participants, on the class clock. */
  startsAt: number;
}

/** One attack as one participant meets it. */
export interface Target {
  id: number;
  attackId: number;
  citizenId: number;
  /** The secret in the participant's look-alike link or call address. */
  token: string;
  letterId: number | null;
  /** When a call was answered or declined (the phone stops ringing). */
  closedAt: number | null;
}

export interface TargetWithAttack extends Target {
  attack: Attack;
  workshop: Workshop;
}

/**
 * The steps of the debrief's timeline, in the order a participant can reach them, and the
 * rule of DOMAIN.md each one breaks or follows.
 */
export const steps = ['received', 'opened', 'clicked', 'password', 'codes', 'photo', 'reported', 'blocked'] as const;
export type Step = (typeof steps)[number];

/** The part of R5 (or R14) that a step breaks (or follows), as a locale key under `workshop:rules.`. */
export const ruleOfStep: Record<Step, { rule: string; part: string } | null> = {
  received: null,
  opened: null,
  clicked: { rule: 'R5', part: 'keepSafe' },
  password: { rule: 'R5', part: 'neverHandOver' },
  codes: { rule: 'R5', part: 'neverDigitise' },
  photo: { rule: 'R5', part: 'neverPhotograph' },
  reported: { rule: 'R14', part: 'report' },
  blocked: { rule: 'R14', part: 'block' },
};

/** What a participant did with one attack, summed up for the debrief. */
export type Outcome =
  | 'not-yet'
  | 'not-logged-in'
  | 'not-opened'
  | 'ignored'
  | 'clicked'
  | 'refused'
  | 'rejected'
  | 'gave-wrong'
  | 'compromised'
  | 'compromised-reported'
  | 'reported';

/** The MitID rules of the workshop's lessons (docs/mitid.md, M10-M13), each a locale key under `workshop:mitid.rules.`, with its sources. */
export const mitidRules = [
  { rule: 'M10', sources: '[S48], [S20]' },
  { rule: 'M11', sources: '[S4], [S48]' },
  { rule: 'M12', sources: '[S5], [S48], [S49]' },
  { rule: 'M13', sources: '[S48], [S20]' },
  { rule: 'M2', sources: '[S5], [S6], [S33]' },
] as const;
