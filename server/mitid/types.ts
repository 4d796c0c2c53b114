/**
 * MitID beside NemID (issue 16; the real behaviour with sources is docs/mitid.md). A
 * citizen holds NemID, MitID or both: the identity kind a scenario gives its trainees.
 */
export const identityKinds = ['nemid', 'mitid', 'both'] as const;
export type IdentityKind = (typeof identityKinds)[number];

/** The authenticators the sandbox simulates (the audio code reader and the chip are left out, see docs/mitid.md). */
export const authenticatorKinds = ['app', 'code-display'] as const;
export type AuthenticatorKind = (typeof authenticatorKinds)[number];

/** The action header a service asks MitID to show [S33]. */
export type MitidAction = 'LOG_ON' | 'APPROVE' | 'CONFIRM' | 'ACCEPT' | 'SIGN';

export interface MitidIdentity {
  citizenId: number;
  userId: string;
  passwordHash: string;
  knownPassword: string;
  holdsNemid: boolean;
  state: 'active' | 'blocked';
  lastKind: AuthenticatorKind | null;
}

export interface Authenticator {
  id: number;
  citizenId: number;
  kind: AuthenticatorKind;
  label: string;
  state: 'active' | 'suspended' | 'blocked';
  suspendedUntil: number | null;
  wrongCount: number;
  code: string | null;
  codeShownAt: number | null;
  codeUsedAt: number | null;
}

export type RequestState = 'pending' | 'approved' | 'rejected' | 'expired' | 'cancelled';

/** One approval request in the MitID app. */
export interface AppRequest {
  id: number;
  citizenId: number;
  service: string;
  action: MitidAction;
  reference: string | null;
  state: RequestState;
  createdAt: number;
  expiresAt: number;
  decidedAt: number | null;
}

/** A trainee's MitID as the scenario gives it; kept in the citizen's blueprint so a reset restores it. */
export interface MitidBlueprint {
  userId: string;
  knownPassword: string;
  passwordHash: string;
  holdsNemid: boolean;
  authenticators: AuthenticatorKind[];
  /** False: the trainee gets this MitID during the lesson (server/mitid/activation-service.ts); until then none is held. */
  activated?: boolean;
}
