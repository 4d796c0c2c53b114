/** The six reasons for exemption from Digital Post; one suffices (R16). */
export const exemptionReasons = ['no-computer', 'impairment', 'emigrated', 'homeless', 'language', 'nemid-problems'] as const;
export type ExemptionReason = (typeof exemptionReasons)[number];

/** What the applicant may tick on the form: one of the six, or another reason of their own. */
export const reasonChoices = [...exemptionReasons, 'other'] as const;
export type ReasonChoice = (typeof reasonChoices)[number];

/** Valid ID at Borgerservice (R17): passport, driving licence or health card. */
export const validIds = ['passport', 'driving-licence', 'health-card'] as const;
export const idChoices = [...validIds, 'other', 'none'] as const;
export type IdChoice = (typeof idChoices)[number];

/** Why the case worker rejects an application. */
export type Rejection = 'no-valid-id' | 'no-valid-reason';

/** An application for exemption as filled in on the paper form. */
export interface ExemptionForm {
  idDocument: IdChoice;
  reason: ReasonChoice;
  /** The applicant's own words when the reason is `other`. */
  otherReason: string | null;
  /** The rejected application this one corrects (R18). */
  corrects: number | null;
}

/** An application and the case worker's decision on it, made at once (R17). */
export interface ExemptionDecision extends ExemptionForm {
  id: number;
  citizenId: number;
  decision: 'granted' | 'rejected';
  rejections: Rejection[];
  decidedAt: number;
  attestedAt: number | null;
  lettersToPaper: number;
  endedAt: number | null;
}

/** The kinds of sender the exemption does not cover (R21): they go on digitally until contacted. */
export const outsideKinds: readonly string[] = ['public-digital', 'employer', 'company', 'private'];
