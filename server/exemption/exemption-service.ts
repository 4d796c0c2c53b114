import type { Citizen } from '../citizen/types.ts';
import type { ClassClock } from '../common/clock.ts';
import { NotFound } from '../common/errors.ts';
import type { EventLog } from '../common/event-log.ts';
import { localised, type MailboxService } from '../mailbox/mailbox-service.ts';
import type { Sender } from '../mailbox/types.ts';
import type { Db } from '../storage/connection.ts';
import type { ExemptionRepository } from './exemption-repository.ts';
import { outsideKinds, validIds, type ExemptionDecision, type ExemptionForm, type IdChoice, type Rejection } from './types.ts';

export interface ExemptionDeps {
  db: Db;
  clock: ClassClock;
  events: EventLog;
  mailbox: MailboxService;
  exemptions: ExemptionRepository;
}

/** The municipality's key among the class's senders: it writes about the exemption. */
const municipality = 'kommune';

/** Unread letters of the last 6 months are sent on as paper post (SPEC, R19). */
export function sixMonthsBefore(now: number): number {
  const date = new Date(now);
  date.setUTCMonth(date.getUTCMonth() - 6);
  return date.getTime();
}

export type ApplyOutcome = { kind: 'decided'; decision: ExemptionDecision } | { kind: 'already-exempt' };
export type EndOutcome = { kind: 'ended'; lettersBack: number } | { kind: 'no-valid-id' } | { kind: 'not-exempt' };
export type ContactOutcome = { kind: 'contacted'; sender: Sender } | { kind: 'not-exempt' } | { kind: 'not-outside' };

export interface ExemptionStatus {
  grant: ExemptionDecision | undefined;
  decisions: ExemptionDecision[];
  /** Senders outside the exemption (R21) and whether the citizen has contacted each. */
  outside: { sender: Sender; contacted: boolean }[];
}

const isValidId = (id: IdChoice) => (validIds as readonly string[]).includes(id);

/**
 * Exemption from Digital Post (R16-R21), as the Borgerservice case worker handles it:
 * decides at once, confirms in writing on request, registers the exemption (the mailbox
 * sends unread letters on as paper post), ends it only on the citizen's application, and
 * notes each sender outside the exemption the citizen contacts.
 */
export class ExemptionService {
  constructor(private readonly deps: ExemptionDeps) {}

  status(citizen: Citizen): ExemptionStatus {
    const contacted = new Set(this.deps.mailbox.contactedSenders(citizen.id));
    return {
      grant: this.deps.exemptions.currentGrant(citizen.id),
      decisions: this.deps.exemptions.listOf(citizen.id),
      outside: this.deps.mailbox
        .senders(citizen.classId)
        .filter((sender) => outsideKinds.includes(sender.kind))
        .map((sender) => ({ sender, contacted: contacted.has(sender.key) })),
    };
  }

  /** A decision of this citizen; any other id is not found (404). */
  decision(citizen: Citizen, id: number): ExemptionDecision {
    const decision = this.deps.exemptions.find(citizen.id, id);
    if (!decision) throw new NotFound();
    return decision;
  }

  /** R16, R17: the case worker checks the valid ID and that one of the six reasons is given, and decides at once. */
  apply(citizen: Citizen, form: ExemptionForm): ApplyOutcome {
    if (this.deps.exemptions.currentGrant(citizen.id)) return { kind: 'already-exempt' };
    const corrects =
      form.corrects !== null && this.deps.exemptions.find(citizen.id, form.corrects)?.decision === 'rejected' ? form.corrects : null;
    const rejections: Rejection[] = [];
    if (!isValidId(form.idDocument)) rejections.push('no-valid-id');
    if (form.reason === 'other') rejections.push('no-valid-reason');
    const now = this.deps.clock.now(citizen.classId);
    const granted = rejections.length === 0;
    const id = this.deps.db.transaction(() => {
      const moved = granted ? this.deps.mailbox.registerExemption(citizen.id, sixMonthsBefore(now)) : [];
      const decisionId = this.deps.exemptions.insert({
        ...form,
        corrects,
        citizenId: citizen.id,
        decision: granted ? 'granted' : 'rejected',
        rejections,
        decidedAt: now,
        lettersToPaper: moved.length,
      });
      const data = { decisionId, reason: form.reason, idDocument: form.idDocument, rejections, corrects };
      this.record(citizen, granted ? 'exemption-granted' : 'exemption-rejected', 'R17', data);
      if (granted) this.record(citizen, 'letters-sent-as-paper', 'R19', { decisionId, count: moved.length, letterIds: moved });
      return decisionId;
    })();
    return { kind: 'decided', decision: this.deps.exemptions.find(citizen.id, id)! };
  }

  /** R18: the decision confirmed in writing, on request. Returns the decision to draw. */
  requestAttestation(citizen: Citizen, id: number): ExemptionDecision {
    const decision = this.decision(citizen, id);
    const now = this.deps.clock.now(citizen.classId);
    if (this.deps.exemptions.markAttested(decision.id, now)) {
      this.record(citizen, 'attestation-requested', 'R18', { decisionId: decision.id, decision: decision.decision });
    }
    return this.decision(citizen, id);
  }

  /** R20: the exemption ends only when the citizen applies to end it, showing valid ID. */
  end(citizen: Citizen, idDocument: IdChoice): EndOutcome {
    const grant = this.deps.exemptions.currentGrant(citizen.id);
    if (!grant) return { kind: 'not-exempt' };
    if (!isValidId(idDocument)) return { kind: 'no-valid-id' };
    const now = this.deps.clock.now(citizen.classId);
    const back = this.deps.db.transaction(() => {
      const moved = this.deps.mailbox.endExemption(citizen.id);
      this.deps.exemptions.end(grant.id, now);
      this.record(citizen, 'exemption-ended', 'R20', { decisionId: grant.id, idDocument, lettersBack: moved.length });
      this.deps.mailbox.deliver(
        citizen.id,
        {
          sender: municipality,
          subject: localised('exemption:letters.ended.subject'),
          body: localised('exemption:letters.ended.body', { name: citizen.name }),
        },
        { rule: 'R20', senderKind: 'public' },
      );
      return moved.length;
    })();
    return { kind: 'ended', lettersBack: back };
  }

  /** R21: the exempt citizen contacts a sender outside the exemption, which then posts on paper too. */
  contactSender(citizen: Citizen, senderKey: string): ContactOutcome {
    if (!this.deps.exemptions.currentGrant(citizen.id)) return { kind: 'not-exempt' };
    const entry = this.status(citizen).outside.find((candidate) => candidate.sender.key === senderKey);
    if (!entry) return { kind: 'not-outside' };
    const now = this.deps.clock.now(citizen.classId);
    if (entry.contacted) return { kind: 'contacted', sender: entry.sender };
    this.deps.db.transaction(() => {
      this.deps.mailbox.contactSender(citizen.id, senderKey, now);
      this.record(citizen, 'sender-contacted', 'R21', { sender: entry.sender.name, senderKey });
      this.deps.mailbox.deliver(
        citizen.id,
        {
          sender: senderKey,
          subject: localised('exemption:letters.contacted.subject'),
          body: localised('exemption:letters.contacted.body', { name: citizen.name, sender: entry.sender.name }),
        },
        { rule: 'R21' },
      );
    })();
    return { kind: 'contacted', sender: entry.sender };
  }

  private record(citizen: Citizen, type: string, rule: string, data: Record<string, unknown>): void {
    this.deps.events.recordFor(citizen, this.deps.clock, { type, rule, data });
  }
}
