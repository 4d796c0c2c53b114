export const cardStatuses = ['active', 'sent', 'replaced', 'blocked'] as const;
export type CardStatus = (typeof cardStatuses)[number];
export const cardReasons = ['first', 'renewal', 'extra', 'replacement'] as const;
export type CardReason = (typeof cardReasons)[number];

export interface KeyCard {
  id: number;
  citizenId: number;
  cardNumber: string;
  nonce: string;
  keyCount: number;
  status: CardStatus;
  reason: CardReason;
  issuedAt: number;
  arrivesAt: number;
  challengeKey: string | null;
  /** When the class's teacher last printed it (class clock), or null: never printed. */
  printedAt: number | null;
}

export interface PrintedKey {
  key: string;
  code: string;
  used: boolean;
}

/** Formats a card number as printed on the card: 1-234-567-890. */
export function formatCardNumber(digits: string): string {
  return `${digits.slice(0, 1)}-${digits.slice(1, 4)}-${digits.slice(4, 7)}-${digits.slice(7)}`;
}
