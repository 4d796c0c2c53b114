import type { CitizenRepository } from '../citizen/citizen-repository.ts';
import type { ClassClock } from '../common/clock.ts';
import type { EventLog } from '../common/event-log.ts';
import type { KeyCardService } from '../keycard/keycard-service.ts';
import type { Db } from '../storage/connection.ts';
import { cardInHand } from '../keycard/keycard-print.ts';
import type { PrintLayout, Slip } from './class-pdf.ts';
import type { ClassRow } from '../classes/types.ts';

/** A slip whose key card has not been printed yet (a new class, or a card renewed or replaced since the last printout). */
export const notPrintedYet = (slip: Slip): boolean => slip.inHand.card !== undefined && slip.inHand.card.printedAt === null;

/**
 * What a class printout holds: each trainee's login slip and the key card the login asks
 * a key from now on the class clock. "Only new cards" leaves out the trainees whose card
 * was printed before, so after a renewal only the renewed card (once it has arrived) is
 * printed again.
 */
export class PrintService {
  constructor(private readonly ctx: { db: Db; citizens: CitizenRepository; keycards: KeyCardService; clock: ClassClock; events: EventLog }) {}

  slips(klass: ClassRow, options: { onlyNew?: boolean } = {}): Slip[] {
    const now = this.ctx.clock.now(klass.id);
    const slips = this.ctx.citizens.listInClass(klass.id).map((citizen) => ({
      citizen,
      blueprint: this.ctx.citizens.blueprintOf(citizen.id),
      inHand: cardInHand(this.ctx.keycards, citizen, now),
    }));
    return options.onlyNew ? slips.filter(notPrintedYet) : slips;
  }

  /** Notes the cards of these slips as printed (class clock) and writes one event for the printout. */
  recordPrinted(klass: ClassRow, slips: Slip[], details: { teacherId: number; layout: PrintLayout; onlyNew: boolean }): void {
    const now = this.ctx.clock.now(klass.id);
    const cardIds = slips.flatMap((slip) => (slip.inHand.card ? [slip.inHand.card.id] : []));
    this.ctx.db.transaction(() => {
      this.ctx.keycards.markPrinted(cardIds, now);
      this.ctx.events.record({
        classId: klass.id,
        citizenId: null,
        actor: 'teacher',
        type: 'cards-printed',
        rule: null,
        data: { ...details, trainees: slips.length, cards: cardIds.length },
        at: now,
      });
    })();
  }
}
