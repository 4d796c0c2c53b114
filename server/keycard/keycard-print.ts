import type { Citizen } from '../citizen/types.ts';
import type { KeyCardService } from './keycard-service.ts';
import { formatCardNumber, type KeyCard, type PrintedKey } from './types.ts';

export interface PrintableCard {
  id: number;
  holder: string;
  nemidNumber: string;
  cardNumber: string;
  status: KeyCard['status'];
  arrivesAt: number;
  /** A card sent by post whose day of arrival has come on the class clock. */
  arrived: boolean;
  printedAt: number | null;
  keys: PrintedKey[];
}

/** What a holder has in hand now: the card the login asks a key from, and a card still in the post. */
export interface CardInHand {
  /** The card the login asks a key from now (after a renewal: the new one once it has arrived). */
  card?: PrintableCard;
  /** A card sent by post that has not arrived yet on the class clock: its codes are not printed. */
  onItsWay?: { cardNumber: string; arrivesAt: number };
}

function printable(keycards: KeyCardService, citizen: Citizen, card: KeyCard, now: number): PrintableCard {
  return {
    id: card.id,
    holder: citizen.name,
    nemidNumber: citizen.nemidNumber,
    cardNumber: formatCardNumber(card.cardNumber),
    status: card.status,
    arrivesAt: card.arrivesAt,
    arrived: card.arrivesAt <= now,
    printedAt: card.printedAt,
    keys: keycards.printed(card),
  };
}

/**
 * The card to print for a holder at `now` (class clock): the one the login asks a key from
 * (`KeyCardService.cardForLogin`), so a printout, the practice card page and
 * `sandbox keycard` never hand over a card the login no longer asks. A renewed card still
 * in the post is only named, with its day of arrival.
 */
export function cardInHand(keycards: KeyCardService, citizen: Citizen, now: number): CardInHand {
  const login = keycards.cardForLogin(citizen.id, now);
  const sent = keycards.cardOnItsWay(citizen.id);
  return {
    card: login && printable(keycards, citizen, login, now),
    onItsWay: sent && sent.id !== login?.id ? { cardNumber: formatCardNumber(sent.cardNumber), arrivesAt: sent.arrivesAt } : undefined,
  };
}
