import type { CitizenRepository } from '../citizen/citizen-repository.ts';
import type { ClassClock } from '../common/clock.ts';
import type { EventLog } from '../common/event-log.ts';
import type { KeyCardService } from '../keycard/keycard-service.ts';
import type { Db } from '../storage/connection.ts';
import { cardInHand } from '../keycard/keycard-print.ts';
import type { PrintLayout, Slip } from './class-pdf.ts';
import type { ClassRow } from '../classes/types.ts';
import type { ActivationService } from '../mitid/activation-service.ts';
import type { MitidService } from '../mitid/mitid-service.ts';
import type { Citizen } from '../citizen/types.ts';
import type { ActivationLetter } from './class-pdf.ts';

/** A slip whose key card has not been printed yet (a new class, or a card renewed or replaced since the last printout). */
export const notPrintedYet = (slip: Slip): boolean => slip.inHand.card !== undefined && slip.inHand.card.printedAt === null;

/**
 * What a class printout holds: each trainee's login slip and the key card the login asks
 * a key from now on the class clock; for a MitID trainee still to get MitID, the activation
 * letter in place of the key card, and for a NemID holder in a MitID class, the key card
 * with a note how to move to MitID (docs/mitid.md, "Getting MitID", "From NemID to MitID").
 * "Only new cards" leaves out the trainees whose card was printed before, so after a
 * renewal only the renewed card (once it has arrived) is printed again.
 */
export class PrintService {
  constructor(
    private readonly ctx: {
      db: Db;
      citizens: CitizenRepository;
      keycards: KeyCardService;
      clock: ClassClock;
      events: EventLog;
      mitid?: Pick<MitidService, 'statusOf'>;
      activation?: Pick<ActivationService, 'passportOf' | 'awaiting'>;
    },
  ) {}

  slips(klass: ClassRow, options: { onlyNew?: boolean } = {}): Slip[] {
    const now = this.ctx.clock.now(klass.id);
    const citizens = this.ctx.citizens.listInClass(klass.id);
    const mitidClass =
      this.ctx.mitid !== undefined && citizens.some((citizen) => this.ctx.mitid!.statusOf(citizen.id).identity !== 'nemid');
    const slips = citizens.map((citizen) => {
      const letter = this.letterOf(citizen, mitidClass);
      return {
        citizen,
        blueprint: this.ctx.citizens.blueprintOf(citizen.id),
        inHand: cardInHand(this.ctx.keycards, citizen, now),
        ...(letter && { letter }),
      };
    });
    // An activation letter counts as the printing of the (unused) key card it replaces, so "only new" prints it once.
    return options.onlyNew ? slips.filter(notPrintedYet) : slips;
  }

  /** One trainee's slip (the teacher's print of a single trainee). */
  slipOf(klass: ClassRow, citizen: Citizen): Slip | undefined {
    return this.slips(klass).find((slip) => slip.citizen.id === citizen.id);
  }

  /**
   * A MitID trainee whose MitID waits for activation gets the activation letter, not a key
   * card (the NemID login does not know them). A NemID holder without MitID (kind `both`
   * still to activate, or `nemid` in a class where MitID is taught) keeps the key card and
   * gets a note how to create MitID with NemID; a NemID class prints as before.
   */
  private letterOf(citizen: Citizen, mitidClass: boolean): ActivationLetter | undefined {
    const { mitid, activation } = this.ctx;
    if (!mitid || !activation || !mitidClass) return undefined;
    const status = mitid.statusOf(citizen.id);
    if (status.identity === 'mitid' && status.mitidActivated === false && activation.awaiting(citizen.id))
      return { kind: 'activate', passport: activation.passportOf(citizen) };
    // NemID and MitID: the key card stays, and the note offers the passport as well when the scenario gives one.
    if (status.identity === 'both' && status.mitidActivated === false && activation.awaiting(citizen.id))
      return { kind: 'move', passport: activation.passportOf(citizen) };
    if (status.mitidActivated === null) return { kind: 'move' };
    return undefined;
  }

  /** Notes the cards of these slips as printed (class clock) and writes one event for the printout. */
  recordPrinted(klass: ClassRow, slips: Slip[], details: { teacherId: number; layout: PrintLayout; onlyNew: boolean }): void {
    const now = this.ctx.clock.now(klass.id);
    const cardIds = slips.flatMap((slip) => (slip.inHand.card ? [slip.inHand.card.id] : []));
    const letters = slips.filter((slip) => slip.letter?.kind === 'activate').length;
    this.ctx.db.transaction(() => {
      this.ctx.keycards.markPrinted(cardIds, now);
      this.ctx.events.record({
        classId: klass.id,
        citizenId: null,
        actor: 'teacher',
        type: 'cards-printed',
        rule: null,
        data: { ...details, trainees: slips.length, cards: cardIds.length, ...(letters > 0 && { activationLetters: letters }) },
        at: now,
      });
    })();
  }
}
