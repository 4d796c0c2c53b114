import type { MitidService } from '../mitid/mitid-service.ts';
import type { AppRequest } from '../mitid/types.ts';
import { attackPlans } from './attacks.ts';
import { workshopEvents, type TargetEvents } from './workshop-events.ts';
import type { WorkshopRepository } from './workshop-repository.ts';
import type { TargetWithAttack } from './types.ts';

/** Where a participant is on the MitID look-alike; derived from the event log and the app, so it survives a reload. */
export type MitidLookAlikeStep = { step: 'userId' } | { step: 'approve'; request: AppRequest } | { step: 'done'; approved: boolean };

/**
 * The workshop's MitID attacks (docs/mitid.md, "The workshop's MitID attacks"). Each one
 * makes the attacker start a real login at a service with the participant's MitID user
 * ID, so a request the participant did not start waits in their MitID app: by itself (push
 * fatigue, M10), while a caller asks to "just approve it" (M11), or after a look-alike
 * relayed the user ID the participant typed (M12, M13). Approving lets the attacker in;
 * rejecting is right. Only facts are kept (real or not, approved or rejected).
 */
export class MitidAttackService {
  constructor(private readonly deps: { repo: WorkshopRepository; mitid: MitidService; events: TargetEvents }) {}

  /** The attacker's login at the attack's service: a LOG_ON request in the participant's app. */
  sendRequest(target: TargetWithAttack): AppRequest {
    const request = this.deps.mitid.stageRequest(target.citizenId, attackPlans[target.attack.kind].mitid!.service, 'LOG_ON');
    this.deps.repo.linkRequest(request.id, target.id);
    return request;
  }

  /** Push fatigue: the staged requests whose time has come arrive in the participant's app (when a page of theirs is shown). */
  deliverDue(citizenId: number, classId: number): void {
    if (!this.deps.mitid.identityOf(citizenId)) return;
    for (const found of this.deps.repo.duePushes(citizenId, this.deps.events.now(classId))) {
      const target = this.deps.repo.withAttack(found);
      if (target.workshop.endedAt === null) this.sendRequest(target);
    }
  }

  /** The participant approved or rejected a request in the app: if the workshop staged it, the step is written with the rule it breaks or follows. */
  decided(request: AppRequest): void {
    const found = this.deps.repo.targetOfRequest(request.id);
    if (!found) return;
    const target = this.deps.repo.withAttack(found);
    const approved = request.state === 'approved';
    this.deps.events.record(
      target,
      target.workshop.classId,
      approved ? workshopEvents.mitidApproved : workshopEvents.mitidRejected,
      attackPlans[target.attack.kind].mitid!.rule,
      {
        requestId: request.id,
        service: request.service,
        attackerIn: approved,
      },
    );
  }

  /** The requests staged for a target, as of now on the class clock. */
  requests(target: TargetWithAttack): AppRequest[] {
    return this.deps.repo.requestsOfTarget(target.id).map((id) => this.deps.mitid.request(target.citizenId, id)!);
  }

  /**
   * The attacker tries the captured approval again: the same request, approved once, cannot
   * be approved again (M2: each request is decided once), so the replay fails.
   */
  replay(target: TargetWithAttack): string | undefined {
    const approved = this.requests(target).find((request) => request.state === 'approved');
    if (!approved) return undefined;
    const outcome = this.deps.mitid.decide(target.citizenId, approved.id, 'approved').kind;
    this.deps.events.record(
      target,
      target.workshop.classId,
      workshopEvents.replayed,
      'M2',
      { key: null, requestId: approved.id, outcome },
      'teacher',
    );
    return outcome;
  }

  step(target: TargetWithAttack): MitidLookAlikeStep {
    const events = this.deps.events.of(target);
    if (events.some((event) => event.type === workshopEvents.mitidApproved)) return { step: 'done', approved: true };
    if (events.some((event) => event.type === workshopEvents.mitidRejected)) return { step: 'done', approved: false };
    const request = this.requests(target).at(-1);
    return request?.state === 'pending' ? { step: 'approve', request } : { step: 'userId' };
  }

  /**
   * The MitID user ID typed on the look-alike (M13). A real one is relayed at once: the
   * attacker types it into the real login, and its request waits in the participant's app.
   */
  typeUserId(target: TargetWithAttack, userId: string): boolean {
    const real = this.deps.mitid.citizenOf(userId) === target.citizenId;
    this.deps.events.record(target, target.workshop.classId, workshopEvents.mitidUserIdTyped, 'M13', { real, relay: real, channel: 'web' });
    if (real) this.sendRequest(target);
    return real;
  }
}
