import { NotFound } from '../common/errors.ts';
import type { EventLog } from '../common/event-log.ts';
import type { MailboxService } from '../mailbox/mailbox-service.ts';
import type { Letter } from '../mailbox/types.ts';
import { workshopEvents, type TargetEvents } from './workshop-events.ts';
import type { WorkshopRepository } from './workshop-repository.ts';

/**
 * "Report as fraud" on a letter in Digital Post (R14: tell the issuer at once). Every
 * incoming letter has the action, in the same place, so a staged letter does not stand
 * out; reporting a staged one scores in the workshop, reporting a genuine one is logged
 * as a false alarm (`staged: false, genuine: true`) and the trainee is told it was genuine.
 * A letter is not genuine when a workshop staged it or its sender is a scenario's
 * fraudster (sender kind `fraud`, e.g. the phishing-letter scenario's look-alike).
 */
export class ReportService {
  constructor(private readonly deps: { repo: WorkshopRepository; mailbox: MailboxService; events: EventLog; targetEvents: TargetEvents }) {}

  /** An incoming letter of this citizen that has arrived; anything else is not found. */
  letter(citizenId: number, letterId: number): Letter {
    const letter = this.deps.mailbox
      .arrivedLetters(citizenId)
      .find((candidate) => candidate.id === letterId && candidate.direction === 'in');
    if (!letter) throw new NotFound();
    return letter;
  }

  /** Whether a letter is what it says it is: not staged by a workshop and not from a scenario's fraudster. */
  isGenuine(citizenId: number, letter: Letter): boolean {
    if (this.deps.repo.byLetter(citizenId, letter.id)) return false;
    if (letter.senderKey === null) return true;
    const citizen = this.deps.mailbox.citizen(citizenId);
    return this.deps.mailbox.senders(citizen.classId).find((sender) => sender.key === letter.senderKey)?.kind !== 'fraud';
  }

  /** Reports a letter once; returns whether this was the first report of it. */
  reportLetter(citizenId: number, letterId: number): boolean {
    const letter = this.letter(citizenId, letterId);
    const earlier = this.deps.events.latestOf(citizenId, [workshopEvents.reported], 500).some((event) => event.data.letterId === letter.id);
    if (earlier) return false;
    const found = this.deps.repo.byLetter(citizenId, letter.id);
    if (found) {
      const target = this.deps.repo.withAttack(found);
      this.deps.targetEvents.record(target, target.workshop.classId, workshopEvents.reported, 'R14', {
        channel: 'letter',
        letterId: letter.id,
        staged: true,
      });
      return true;
    }
    const citizen = this.deps.mailbox.citizen(citizenId);
    this.deps.events.record({
      classId: citizen.classId,
      citizenId,
      actor: 'trainee',
      type: workshopEvents.reported,
      rule: 'R14',
      data: { channel: 'letter', letterId: letter.id, staged: false, genuine: this.isGenuine(citizenId, letter) },
      at: this.deps.mailbox.now(citizen),
    });
    return true;
  }
}
