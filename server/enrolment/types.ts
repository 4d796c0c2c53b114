/** Where a NemID is applied for: in person at the municipality's citizen service (R6) or at a bank (R7). */
export const desks = ['borgerservice', 'bank'] as const;
export type Desk = (typeof desks)[number];

/** The scenario each desk loads for a new applicant: a class of one, like practising alone. */
export const deskScenarios = { borgerservice: 'nemid-borgerservice', bank: 'nemid-bank' } as const satisfies Record<Desk, string>;

/** Scenarios whose trainees hold a bank NemID not yet activated for public self-service (R7). */
export const bankScenarios: readonly string[] = [deskScenarios.bank, 'bank-nemid-not-activated'];

export function deskOfScenario(scenario: string): Desk | undefined {
  return scenario === deskScenarios.bank ? 'bank' : scenario === deskScenarios.borgerservice ? 'borgerservice' : undefined;
}

/** The witness an applicant brings to Borgerservice (R6). */
export interface Witness {
  name: string;
  age: number;
  /** The witness's Danish CPR number (fictional), or null when they have none. */
  cpr: string | null;
  bringsId: boolean;
  /** Signs the declaration on honour (tro- og loveerklæring). */
  signsDeclaration: boolean;
}

/** What the applicant brings to the desk, as the trainee chose it. */
export interface DeskApplication {
  /** The applicant is registered in Denmark and has a CPR number. */
  hasCpr: boolean;
  bringsId: boolean;
  /** An official document that shows the CPR number (e.g. the health insurance card). */
  bringsCprDocument: boolean;
  /** Only at Borgerservice. */
  witness?: Witness;
}

/** One rule the case worker or clerk checks; `ok` false means the application is refused for it. */
export const deskChecks = [
  'applicant-cpr',
  'applicant-id',
  'applicant-cpr-document',
  'witness-adult',
  'witness-cpr',
  'witness-id',
  'witness-declaration',
] as const;
export type DeskCheck = (typeof deskChecks)[number];

export interface CheckResult {
  check: DeskCheck;
  ok: boolean;
}

/** The services that are public self-service (R2, R7): a bank NemID needs the bank to activate it for these. */
export const publicServices: readonly string[] = ['post', 'portal', 'tax'];
