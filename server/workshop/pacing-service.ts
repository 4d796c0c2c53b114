import type { ClassClock } from '../common/clock.ts';
import type { EventLog } from '../common/event-log.ts';
import type { MailboxService } from '../mailbox/mailbox-service.ts';
import type { Db } from '../storage/connection.ts';
import { attackPlans } from './attacks.ts';
import { workshopEvents } from './workshop-events.ts';
import type { WorkshopRepository } from './workshop-repository.ts';
import { deliverStagedLetter } from './workshop-service.ts';
import type { Attack, Workshop } from './types.ts';

export interface PacingDeps {
  db: Db;
  repo: WorkshopRepository;
  clock: ClassClock;
  events: EventLog;
  mailbox: MailboxService;
}

/**
 * The facilitator's pacing of a running workshop: which staged attacks a move of the class
 * clock brought, and launching a waiting attack now instead of at its time. (The clock
 * itself moves through the teacher console's ClassService, as on the class page.)
 */
export class PacingService {
  constructor(private readonly deps: PacingDeps) {}

  /** The workshop's attacks that reached the participants after `from` and by `to` on the class clock, in order. */
  arrivedBetween(workshop: Workshop, from: number, to: number): Attack[] {
    return this.deps.repo.attacks(workshop.id).filter((attack) => attack.startsAt > from && attack.startsAt <= to);
  }

  /** The next attack still waiting for the class clock, if any. */
  nextWaiting(workshop: Workshop): Attack | undefined {
    const now = this.deps.clock.now(workshop.classId);
    return this.deps.repo.attacks(workshop.id).find((attack) => attack.startsAt > now);
  }

  /**
   * Launches a waiting attack of this workshop now on the class clock, in one transaction:
   * its letter arrives now in every participant's Digital Post (the waiting letter is taken
   * back and delivered again at this time), or its call rings now. Returns the attack as it
   * stands and whether this call launched it (false: it had already reached the
   * participants, or the workshop has ended); nothing when the attack is not this workshop's.
   */
  launchNow(workshop: Workshop, attackId: number, teacherId: number): { attack: Attack; launched: boolean } | undefined {
    return this.deps.db.transaction(() => {
      const attack = this.deps.repo.attack(attackId);
      if (!attack || attack.workshopId !== workshop.id) return undefined;
      const now = this.deps.clock.now(workshop.classId);
      if (attack.startsAt <= now || workshop.endedAt !== null) return { attack, launched: false };
      this.deps.repo.setStartsAt(attack.id, now);
      const targets = this.deps.repo.targetsOfAttack(attack.id);
      if (attackPlans[attack.kind].channel === 'letter') {
        for (const target of targets) {
          if (target.letterId !== null) this.deps.mailbox.withdrawUnarrived(target.citizenId, target.letterId);
          this.deps.repo.setLetter(target.id, deliverStagedLetter(this.deps.mailbox, target.citizenId, attack.kind, target.token, now));
        }
      }
      this.deps.events.record({
        classId: workshop.classId,
        citizenId: null,
        actor: 'teacher',
        type: workshopEvents.attackLaunched,
        rule: 'R5',
        data: {
          workshopId: workshop.id,
          attackId: attack.id,
          kind: attack.kind,
          scheduledFor: attack.startsAt,
          startsAt: now,
          teacherId,
          participants: targets.length,
        },
        at: now,
      });
      return { attack: { ...attack, startsAt: now }, launched: true };
    })();
  }
}
