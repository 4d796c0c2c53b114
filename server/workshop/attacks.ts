import type { AttackKind } from './types.ts';

/** How a staged attack reaches the participant and what its look-alike asks for after the login. */
export interface AttackPlan {
  /** The name under `workshop:attacks.` of its texts. */
  key: string;
  channel: 'letter' | 'call';
  /** The sender shown on the letter: close to a real one, but not it. */
  sender?: string;
  /** What the look-alike asks for after user ID, password and the relayed code. */
  asks?: 'codes' | 'photo';
  /** Minutes after the workshop starts, as the start form suggests (a 30-minute workshop). */
  suggestedMinutes: number;
}

/**
 * The catalogue, after the real campaigns of the key-card years: fake refunds from the tax
 * agency asking for several keys, "your NemID is locked" letters with a deadline, callers
 * posing as support, and mails asking for a photo of the key card.
 */
export const attackPlans: Record<AttackKind, AttackPlan> = {
  'tax-refund': { key: 'taxRefund', channel: 'letter', sender: 'SKAT Tilbagebetaling', asks: 'codes', suggestedMinutes: 0 },
  'locked-letter': { key: 'lockedLetter', channel: 'letter', sender: 'NemID Sikkerhedscenter', asks: 'codes', suggestedMinutes: 8 },
  'support-call': { key: 'supportCall', channel: 'call', suggestedMinutes: 15 },
  'card-photo': { key: 'cardPhoto', channel: 'letter', sender: 'Nets DanlD Kundeservice', asks: 'photo', suggestedMinutes: 20 },
};

/** How many key codes the look-alike asks for on its "confirm your card" page. */
export const harvestedCodeCount = 3;

/** A look-alike or call token: 22 characters of base64url (128 random bits). */
export const tokenPattern = /^[A-Za-z0-9_-]{22}$/;
