import type { ClassClock } from '../common/clock.ts';
import type { Actor, EventLog, EventRow } from '../common/event-log.ts';
import type { TargetWithAttack } from './types.ts';

/**
 * The workshop's event types. What a participant does is written here, one event per step,
 * with the workshop, attack and target ids and facts such as `real: true`, never the
 * password or code that was typed.
 */
export const workshopEvents = {
  started: 'workshop-started',
  attackScheduled: 'workshop-attack-scheduled',
  attackLaunched: 'workshop-attack-launched',
  ended: 'workshop-ended',
  linkFollowed: 'workshop-link-followed',
  passwordTyped: 'workshop-password-typed',
  codeTyped: 'workshop-code-typed',
  codesTyped: 'workshop-codes-typed',
  photoUploaded: 'workshop-photo-uploaded',
  callAnswered: 'workshop-call-answered',
  callDeclined: 'workshop-call-declined',
  callHungUp: 'workshop-call-hung-up',
  callRefused: 'workshop-call-refused',
  reported: 'fraud-reported',
  replayed: 'workshop-replayed',
  quizAnswered: 'workshop-quiz-answered',
  mitidUserIdTyped: 'workshop-mitid-user-id-typed',
  mitidApproved: 'workshop-mitid-approved',
  mitidRejected: 'workshop-mitid-rejected',
} as const;

/** The types a participant's own steps are written with (what the timeline reads). */
export const participantTypes = [
  workshopEvents.linkFollowed,
  workshopEvents.passwordTyped,
  workshopEvents.codeTyped,
  workshopEvents.codesTyped,
  workshopEvents.photoUploaded,
  workshopEvents.callAnswered,
  workshopEvents.callDeclined,
  workshopEvents.callHungUp,
  workshopEvents.callRefused,
  workshopEvents.reported,
  workshopEvents.replayed,
  workshopEvents.mitidUserIdTyped,
  workshopEvents.mitidApproved,
  workshopEvents.mitidRejected,
];

/** Writes the events of one participant's target on the class clock. */
export class TargetEvents {
  constructor(
    private readonly events: EventLog,
    private readonly clock: ClassClock,
  ) {}

  now(classId: number): number {
    return this.clock.now(classId);
  }

  record(
    target: TargetWithAttack,
    classId: number,
    type: string,
    rule: string,
    data: Record<string, unknown> = {},
    actor: Actor = 'trainee',
  ): void {
    this.events.recordFor({ id: target.citizenId, classId }, this.clock, {
      type,
      rule,
      data: { workshopId: target.workshop.id, attackId: target.attack.id, targetId: target.id, kind: target.attack.kind, ...data },
      actor,
    });
  }

  /** This target's own events, oldest first. */
  of(target: { id: number; citizenId: number }): EventRow[] {
    return this.events
      .latestOf(target.citizenId, participantTypes, 500)
      .filter((event) => event.data.targetId === target.id)
      .reverse();
  }
}
