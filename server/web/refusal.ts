import type { Refusal } from '../login/login-service.ts';

/** The message (locale key and values) shown when a NemID cannot be used to log in. */
export function refusalMessage(refusal: Refusal, time: (ms: number) => string): { key: string; params: Record<string, string> } {
  if (refusal.kind === 'revoked') return { key: 'login:refused.revoked', params: {} };
  if (refusal.kind === 'no-card') return { key: 'login:refused.noCard', params: {} };
  if (refusal.kind === 'no-public-access') return { key: 'enrolment:publicAccess.refused', params: {} };
  return { key: `login:refused.${refusal.code}`, params: { until: refusal.until ? time(refusal.until) : '' } };
}
