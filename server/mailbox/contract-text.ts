import { danishTime, formatDanishDate } from '../common/danish-time.ts';
import type { Lang } from '../common/i18n.ts';
import { textIn, type LocalText } from './types.ts';

/** A contract to sign (R3) as the scenario gives it: see letter-schema.ts. */
export interface ContractSpec {
  title: LocalText;
  parties: string[];
  recipient?: LocalText;
  terms: LocalText[];
}

/**
 * The first day of the month after the letter arrives, in Danish time. A lease sent for
 * signing must not begin before the tenant has even received it: a contract "beginning
 * 1 December" that arrives in the middle of December is nonsense to a trainee. Rent in
 * Denmark is paid in advance on the 1st, so the 1st of the next month is the first start
 * that is always after the arrival, whatever the class clock says.
 */
export function firstOfMonthAfter(deliveredAt: number): number {
  const { year, month } = danishTime(deliveredAt);
  // month is 1-12, so Date.UTC(year, month, 1) is the 1st of the next month; noon UTC is
  // the same day in Copenhagen, summer or winter.
  return Date.UTC(year, month, 1, 12);
}

/**
 * The contract as the trainee reads it, in the PDF and on the signing page: the trainee who
 * received the letter joins the parties with the scenario's role for them ("lejer"), and
 * {{start}} in a term is the first of the month after the letter arrived.
 */
export function contractText(contract: ContractSpec, letter: { deliveredAt: number }, recipientName: string, lang: Lang) {
  const start = formatDanishDate(firstOfMonthAfter(letter.deliveredAt), lang);
  const parties = contract.recipient ? [...contract.parties, `${recipientName} (${textIn(contract.recipient, lang)})`] : contract.parties;
  return {
    title: textIn(contract.title, lang),
    parties,
    terms: contract.terms.map((term) => textIn(term, lang).replaceAll('{{start}}', start)),
  };
}
