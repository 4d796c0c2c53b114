import type { CitizenRepository } from '../citizen/citizen-repository.ts';
import type { Citizen, LockCode } from '../citizen/types.ts';
import type { EventLog } from '../common/event-log.ts';
import type { LoginService } from '../login/login-service.ts';
import type { ActionResult, BlockingService } from './blocking-service.ts';
import type { TemporaryPasswordService } from './temporary-password-service.ts';
import type { UserBlockReason } from './types.ts';

/** What a caller or a visitor at the desk tells about themselves. */
export interface Identification {
  name: string;
  cpr: string;
  /** The answer to "your NemID number or user ID?" */
  identifier: string;
}

/** Why someone calls NemID support: to block, or to have a block lifted. */
export type CallReason = UserBlockReason | 'unblock';

export type CallOutcome =
  | { kind: 'blocked' }
  | { kind: 'not-blocked' }
  | { kind: 'temporary-lock'; until: number | null }
  | { kind: 'support-can-help'; lockCode: LockCode | null }
  | { kind: 'issuer-block' }
  | { kind: 'revoked' };

const compact = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * NemID support, on the phone line and at the desk of Borgerservice or a bank. Support
 * first makes sure who it is talking to (name, CPR number and NemID number or user ID,
 * all three must fit, and a failure never says which did not), then blocks at once
 * (R14), or helps a blocked NemID back: a temporary password by post (phone) or handed
 * over against photo ID (desk), and a new key card if the old one is lost.
 */
export class SupportService {
  constructor(
    private readonly deps: {
      citizens: CitizenRepository;
      events: EventLog;
      login: LoginService;
      blocking: BlockingService;
      temporaryPasswords: TemporaryPasswordService;
      /** Real time, for a failed identification that points at no class (and so no class clock). */
      realNow: () => number;
    },
  ) {}

  /** The citizen with this CPR number, if the name and the NemID number or user ID fit too. */
  match(details: Identification): { byCpr?: Citizen; citizen?: Citizen } {
    const cpr = details.cpr.trim().replace('-', '');
    const byCpr = /^\d{10}$/.test(cpr) ? this.deps.citizens.findByIdentifier(cpr) : undefined;
    const answer = compact(details.identifier);
    const fits =
      byCpr !== undefined &&
      compact(byCpr.name) === compact(details.name) &&
      (answer === byCpr.nemidNumber || (byCpr.userId !== null && answer === byCpr.userId.toLowerCase()));
    return { byCpr, citizen: fits ? this.deps.login.current(byCpr.id) : undefined };
  }

  /** The citizen these details all fit, or nothing; one event either way (R14). */
  identify(details: Identification, channel: 'phone' | 'desk'): Citizen | undefined {
    const { byCpr, citizen } = this.match(details);
    this.deps.events.record({
      classId: byCpr?.classId ?? null,
      citizenId: byCpr?.id ?? null,
      actor: 'trainee',
      type: citizen ? 'support-identified' : 'support-identification-failed',
      rule: 'R14',
      data: { channel },
      at: byCpr ? this.deps.blocking.now(byCpr) : this.deps.realNow(),
    });
    return citizen;
  }

  /** The caller says why they call; a block happens at once. */
  call(citizenId: number, reason: CallReason): CallOutcome {
    const citizen = this.deps.login.current(citizenId)!;
    if (citizen.state === 'revoked') return { kind: 'revoked' };
    if (reason !== 'unblock') {
      const result = this.deps.blocking.blockByOwner(citizen.id, reason, { actor: 'trainee', channel: 'phone' });
      return result.ok ? { kind: 'blocked' } : { kind: 'revoked' };
    }
    if (citizen.state === 'locked') return { kind: 'temporary-lock', until: citizen.lockedUntil };
    if (citizen.state !== 'blocked') return { kind: 'not-blocked' };
    if (citizen.lockCode === 'ISSUER') return { kind: 'issuer-block' };
    return { kind: 'support-can-help', lockCode: citizen.lockCode };
  }

  /** Whether support can send a new key card: the old one is blocked and none is on its way. */
  needsCard(citizenId: number): boolean {
    return this.deps.blocking.needsCard(citizenId);
  }

  /** Support sends a temporary password by paper post (3-4 working days). */
  sendTemporaryPassword(citizenId: number): Promise<ActionResult<{ arrivesAt: number }>> {
    return this.deps.temporaryPasswords.sendByPost(citizenId, { actor: 'trainee', channel: 'phone' });
  }

  /** Support sends a replacement key card by post (3 working days). */
  sendCard(citizenId: number): ActionResult<{ arrivesAt: number }> {
    if (!this.needsCard(citizenId)) return { ok: false, message: 'blocking:errors.cardNotNeeded' };
    const result = this.deps.blocking.orderCard(citizenId, { actor: 'trainee', channel: 'phone' });
    return result.ok ? { ok: true, arrivesAt: result.card.arrivesAt } : result;
  }

  /**
   * In person at Borgerservice or a bank, with photo ID: a temporary password handed over
   * at once, and a new key card on the spot when the old one is blocked.
   */
  async atDesk(citizenId: number): Promise<ActionResult<{ password: string; cardNumber: string | null }>> {
    const doer = { actor: 'trainee' as const, channel: 'desk' as const };
    const handed = await this.deps.temporaryPasswords.handOver(citizenId, doer);
    if (!handed.ok) return handed;
    const card = this.needsCard(citizenId) ? this.deps.blocking.orderCard(citizenId, doer, true) : undefined;
    return { ok: true, password: handed.password, cardNumber: card?.ok ? card.card.cardNumber : null };
  }
}
