import type { Context } from '../../server/context.ts';
import { formatCardNumber } from '../../server/keycard/types.ts';

export const day = 86_400_000;

/** A citizen of the default scenario by user ID (or CPR or NemID number). */
export function citizenOf(ctx: Context, identifier: string) {
  const citizen = ctx.citizens.findByIdentifier(identifier);
  if (!citizen) throw new Error(`No citizen ${identifier}`);
  return citizen;
}

/** The number printed on the card the citizen holds, as a person reads it off the card. */
export function printedCardNumber(ctx: Context, identifier: string): string {
  return formatCardNumber(ctx.keycards.activeCard(citizenOf(ctx, identifier).id)!.cardNumber);
}

/** The letters in the citizen's mailbox and paper-post tray by now, as subject (Danish) and channel. */
export function lettersOf(ctx: Context, identifier: string) {
  return ctx.mailbox.arrivedLetters(citizenOf(ctx, identifier).id).map((letter) => ({
    subject: letter.subject.da,
    channel: letter.channel,
    body: letter.body,
  }));
}

/** The temporary password printed in the paper letter, once the letter has arrived. */
export function temporaryPasswordFromPost(ctx: Context, identifier: string): string | undefined {
  const letter = lettersOf(ctx, identifier).find(
    (entry) => entry.channel === 'paper' && entry.body.da.includes('midlertidige adgangskode'),
  );
  return letter && /\n\n([A-Za-z]+\d+)\n\n/.exec(letter.body.da)?.[1];
}

export function eventsOf(ctx: Context, identifier: string) {
  return ctx.events
    .list({ citizenId: citizenOf(ctx, identifier).id })
    .map((event) => ({ type: event.type, rule: event.rule, actor: event.actor, data: event.data }));
}

/** Delivers an ordinary letter from the municipality now on the class clock. */
export function deliverLetter(ctx: Context, identifier: string, subject: string): void {
  ctx.mailbox.deliver(citizenOf(ctx, identifier).id, { sender: 'kommune', subject, body: 'Et brev fra kommunen.' });
}
