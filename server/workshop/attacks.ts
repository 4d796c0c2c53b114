import type { CustomTypeOptions } from 'i18next';
import { attackKinds, type AttackKind } from './types.ts';

type AttackTexts = CustomTypeOptions['resources']['workshop']['attacks'];
/** The names under `workshop:attacks.` whose texts have a letter (subject and body). */
type LetterAttackKey = { [K in keyof AttackTexts]: AttackTexts[K] extends { letter: object } ? K : never }[keyof AttackTexts];

/** How a staged attack reaches the participant and what its look-alike asks for after the login. */
export type AttackPlan = {
  /** What the look-alike asks for after user ID, password and the relayed code (`mitid`: the MitID user ID, then an approval). */
  asks?: 'codes' | 'photo' | 'mitid';
  /** MitID attacks: the service whose real login the attacker starts (the name the app shows), and the rule (docs/mitid.md) approving breaks. */
  mitid?: { service: 'bank' | 'post'; rule: string };
} & (
  | {
      channel: 'letter';
      /** The name under `workshop:attacks.` of its texts. */
      key: LetterAttackKey;
      /** The sender shown on the letter: close to a real one, but not it. */
      sender: string;
    }
  /** `app`: the request appears in the participant's MitID app itself (push fatigue). */
  | { channel: 'call' | 'app'; key: Exclude<keyof AttackTexts, LetterAttackKey>; sender?: undefined }
);

/**
 * The catalogue, after the real campaigns of the key-card years: fake refunds from the tax
 * agency asking for several keys, "your NemID is locked" letters with a deadline, callers
 * posing as support, and mails asking for a photo of the key card.
 */
export const attackPlans: Record<AttackKind, AttackPlan> = {
  'tax-refund': { key: 'taxRefund', channel: 'letter', sender: 'SKAT Tilbagebetaling', asks: 'codes' },
  'locked-letter': { key: 'lockedLetter', channel: 'letter', sender: 'NemID Sikkerhedscenter', asks: 'codes' },
  'support-call': { key: 'supportCall', channel: 'call' },
  'card-photo': { key: 'cardPhoto', channel: 'letter', sender: 'Nets DanlD Kundeservice', asks: 'photo' },
  // MitID [S48]: a request you did not start (M10), a caller who asks you to approve (M11),
  // a look-alike that relays your user ID and asks you to approve what another service shows (M12, M13).
  'mitid-push': { key: 'mitidPush', channel: 'app', mitid: { service: 'bank', rule: 'M10' } },
  'mitid-call': { key: 'mitidCall', channel: 'call', mitid: { service: 'bank', rule: 'M11' } },
  'mitid-letter': {
    key: 'mitidLetter',
    channel: 'letter',
    sender: 'MitlD Sikkerhed',
    asks: 'mitid',
    mitid: { service: 'post', rule: 'M12' },
  },
};

/**
 * Minutes between two staged attacks in the start form's suggested plan, on the class
 * clock. More than half an hour, so that one "+1 h" never brings three attacks at once (at
 * most two) and one "+15 min" at most one.
 */
export const attackSpacingMinutes = 40;

/**
 * When the start form suggests an attack: in the catalogue's order, the first now, then one
 * every `attackSpacingMinutes`. The MitID attacks are left empty (null): a facilitator adds
 * them for a class whose participants hold MitID.
 */
export const suggestedMinutes = (kind: AttackKind): number | null =>
  attackPlans[kind].mitid ? null : attackKinds.indexOf(kind) * attackSpacingMinutes;

/** How many key codes the look-alike asks for on its "confirm your card" page. */
export const harvestedCodeCount = 3;

/** A look-alike or call token: 22 characters of base64url (128 random bits). */
export const tokenPattern = /^[A-Za-z0-9_-]{22}$/;
