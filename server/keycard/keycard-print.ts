import type { Citizen } from '../citizen/types.ts';
import type { KeyCardService } from './keycard-service.ts';
import { formatCardNumber, type KeyCard, type PrintedKey } from './types.ts';

export interface PrintableCard {
  holder: string;
  nemidNumber: string;
  cardNumber: string;
  status: KeyCard['status'];
  arrivesAt: number;
  keys: PrintedKey[];
}

/** The cards a citizen holds on paper: the one in use and one on its way by post. */
export function printableCards(keycards: KeyCardService, citizen: Citizen): PrintableCard[] {
  return keycards
    .cardsOf(citizen.id)
    .filter((card) => card.status === 'active' || card.status === 'sent')
    .map((card) => ({
      holder: citizen.name,
      nemidNumber: citizen.nemidNumber,
      cardNumber: formatCardNumber(card.cardNumber),
      status: card.status,
      arrivesAt: card.arrivesAt,
      keys: keycards.printed(card),
    }));
}
