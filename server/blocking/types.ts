import type { Actor } from '../common/event-log.ts';

/** Why the owner blocks NemID (R13, R14). */
export const userBlockReasons = ['lost-card', 'forgotten-password', 'third-party', 'other'] as const;
export type UserBlockReason = (typeof userBlockReasons)[number];

/** Why the issuer blocks or revokes ("inddrager") a NemID (R15). */
export const issuerReasons = ['inappropriate-use', 'rules-breach', 'third-party', 'false-information', 'wrong-passwords', 'death'] as const;
export type IssuerReason = (typeof issuerReasons)[number];

export type BlockReason = UserBlockReason | IssuerReason;

/** How a block, an order or an unblock reached the issuer. */
export type Channel = 'self-service' | 'phone' | 'desk' | 'issuer' | 'login';

/** Who did it, for the event log, and the rule they followed. */
export interface Doer {
  actor: Actor;
  channel: Channel;
  /** The issuer operator's username, when an operator did it. */
  operator?: string;
}

/** A temporary password kept for a citizen: its hash and when it may first be used. */
export interface TemporaryPassword {
  hash: string;
  from: number;
}

export function isUserBlockReason(value: unknown): value is UserBlockReason {
  return typeof value === 'string' && (userBlockReasons as readonly string[]).includes(value);
}

export function isIssuerReason(value: unknown): value is IssuerReason {
  return typeof value === 'string' && (issuerReasons as readonly string[]).includes(value);
}
