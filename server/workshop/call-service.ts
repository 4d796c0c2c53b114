import type { RandomInt } from '../common/random.ts';
import type { CitizenRepository } from '../citizen/citizen-repository.ts';
import type { Citizen } from '../citizen/types.ts';
import { NotFound } from '../common/errors.ts';
import { couldBePassword } from '../citizen/credentials.ts';
import { attackPlans, tokenPattern } from './attacks.ts';
import type { Relay } from './relay.ts';
import { workshopEvents, type TargetEvents } from './workshop-events.ts';
import type { WorkshopRepository } from './workshop-repository.ts';
import type { TargetWithAttack } from './types.ts';

/** One line of the call as the participant reads it: a locale key under `workshop:call.lines.`. */
export interface CallLine {
  who: 'caller' | 'you';
  key: string;
  params?: Record<string, string>;
}

/** `approve`: the MitID caller waits for the participant to approve the request in the app. */
export type CallStep = 'ringing' | 'password' | 'code' | 'approve' | 'ended';

export interface CallState {
  step: CallStep;
  lines: CallLine[];
  /** The key the caller asks the code of (the real login's open key when the password was relayed). */
  keyNumber?: string;
  reported: boolean;
  /** The caller's number and name: a locale key under `workshop:call.` (NemID support, or the bank's MitID caller). */
  callerKey: string;
}

export type CallAction = 'answer' | 'decline' | 'say' | 'hang-up' | 'report';

const callerKeyOf = (target: TargetWithAttack): string => (target.attack.kind === 'mitid-call' ? 'mitidCallerId' : 'callerId');

/**
 * The staged "support call" (R5): a caller posing as NemID support asks for the password,
 * then reads out the key the real login asks and wants its code (relayed at once). The
 * call's state comes from the event log; nothing said is kept, only facts.
 */
export class CallService {
  constructor(
    private readonly deps: {
      repo: WorkshopRepository;
      citizens: CitizenRepository;
      relay: Relay;
      events: TargetEvents;
      random: RandomInt;
      /** The MitID caller's login at the bank: a request in the participant's MitID app (M11). */
      sendMitidRequest: (target: TargetWithAttack) => void;
    },
  ) {}

  /** The participant's own staged call, once it has rung on the class clock; otherwise not found. */
  target(token: string, citizenId: number): TargetWithAttack {
    const found = tokenPattern.test(token) ? this.deps.repo.byToken(token) : undefined;
    if (!found || found.citizenId !== citizenId) throw new NotFound();
    const target = this.deps.repo.withAttack(found);
    if (attackPlans[target.attack.kind].channel !== 'call' || target.attack.startsAt > this.deps.events.now(target.workshop.classId))
      throw new NotFound();
    return target;
  }

  /** The call ringing on this participant's pages now, if any (its token, and who the caller says they are). */
  ringing(citizenId: number, classId: number): { token: string; callerKey: string } | undefined {
    const found = this.deps.repo.ringing(citizenId, this.deps.events.now(classId));
    return found && { token: found.token, callerKey: callerKeyOf(this.deps.repo.withAttack(found)) };
  }

  state(target: TargetWithAttack): CallState {
    const lines: CallLine[] = [];
    let step: CallStep = 'ringing';
    let keyNumber: string | undefined;
    let reported = false;
    const mitid = target.attack.kind === 'mitid-call';
    for (const event of this.deps.events.of(target)) {
      switch (event.type) {
        case workshopEvents.callAnswered:
          if (mitid) {
            lines.push({ who: 'caller', key: 'mitidGreeting' }, { who: 'caller', key: 'mitidAskApprove' });
            step = 'approve';
            break;
          }
          lines.push({ who: 'caller', key: 'greeting' }, { who: 'caller', key: 'askPassword' });
          step = 'password';
          break;
        case workshopEvents.callDeclined:
          step = 'ended';
          lines.push({ who: 'you', key: 'declined' });
          break;
        case workshopEvents.callRefused:
          lines.push({ who: 'you', key: mitid ? 'mitidRefused' : 'refused' }, { who: 'caller', key: mitid ? 'mitidInsist' : 'insist' });
          break;
        case workshopEvents.mitidApproved:
          if (step === 'approve') lines.push({ who: 'you', key: 'mitidApproved' }, { who: 'caller', key: 'goodbye' });
          step = 'ended';
          break;
        case workshopEvents.mitidRejected:
          if (step === 'approve') lines.push({ who: 'you', key: 'mitidRejected' }, { who: 'caller', key: 'mitidHangsUp' });
          step = 'ended';
          break;
        case workshopEvents.passwordTyped:
          keyNumber = String(event.data.askedKey);
          lines.push({ who: 'you', key: 'saidPassword' }, { who: 'caller', key: 'askCode', params: { key: keyNumber } });
          step = 'code';
          break;
        case workshopEvents.codeTyped:
          lines.push({ who: 'you', key: 'saidCode' }, { who: 'caller', key: 'goodbye' });
          step = 'ended';
          break;
        case workshopEvents.callHungUp:
          lines.push({ who: 'you', key: 'hungUp' });
          step = 'ended';
          break;
        case workshopEvents.reported:
          reported = true;
          if (step !== 'ended') lines.push({ who: 'you', key: 'hungUp' });
          step = 'ended';
          break;
      }
    }
    return { step, lines, keyNumber: step === 'code' ? keyNumber : undefined, reported, callerKey: callerKeyOf(target) };
  }

  private citizen(target: TargetWithAttack): Citizen {
    return this.deps.citizens.findById(target.citizenId)!;
  }

  private record(target: TargetWithAttack, type: string, data: Record<string, unknown> = {}, rule = 'R5'): void {
    this.deps.events.record(target, target.workshop.classId, type, rule, { channel: 'call', ...data });
  }

  /** Does what the participant chose; an action that does not fit the call's step changes nothing. */
  async act(target: TargetWithAttack, action: CallAction, said: string): Promise<void> {
    const state = this.state(target);
    const now = this.deps.events.now(target.workshop.classId);
    if (action === 'report') {
      if (!state.reported) this.record(target, workshopEvents.reported, {}, 'R14');
      this.deps.repo.close(target.id, now);
      return;
    }
    if (state.step === 'ringing' && (action === 'answer' || action === 'decline')) {
      this.deps.repo.close(target.id, now);
      this.record(target, action === 'answer' ? workshopEvents.callAnswered : workshopEvents.callDeclined);
      // "I have sent a request to your MitID app": the caller logs in to the bank with the participant's user ID.
      if (action === 'answer' && target.attack.kind === 'mitid-call') this.deps.sendMitidRequest(target);
      return;
    }
    if (state.step === 'approve') {
      if (action === 'hang-up') this.record(target, workshopEvents.callHungUp, { step: state.step });
      else if (action === 'say') this.record(target, workshopEvents.callRefused, {}, 'M11');
      return;
    }
    if (state.step === 'password' || state.step === 'code') {
      if (action === 'hang-up') this.record(target, workshopEvents.callHungUp, { step: state.step });
      else if (action === 'say' && state.step === 'password') await this.saidPassword(target, said);
      else if (action === 'say' && state.step === 'code') this.saidCode(target, said, state.keyNumber!);
    }
  }

  /**
   * What the participant said when asked for the password, decided by the sandbox's own
   * check: the real password, something that could be a password (a wrong one: the caller
   * goes on and asks for a code), or neither (a refusal or a question back: the caller
   * insists, and nothing was given).
   */
  private async saidPassword(target: TargetWithAttack, said: string): Promise<void> {
    const citizen = this.citizen(target);
    const real = await this.deps.relay.isPassword(citizen, said);
    if (!real && !couldBePassword(said)) {
      this.record(target, workshopEvents.callRefused);
      return;
    }
    const relay = real ? await this.deps.relay.relayPassword(citizen, said) : 'none';
    // With the password the caller opens a real login and reads out the key it asks; without it, any key.
    const askedKey =
      (relay === 'challenge' && this.deps.relay.openChallenge(citizen)) || String(this.deps.random(1, 10_000)).padStart(4, '0');
    this.record(target, workshopEvents.passwordTyped, { real, userIdReal: true, relay, askedKey });
  }

  private saidCode(target: TargetWithAttack, said: string, keyNumber: string): void {
    const citizen = this.citizen(target);
    const open = this.deps.relay.openChallenge(citizen);
    const fact = this.deps.relay.codeFact(citizen, said);
    const outcome = open === keyNumber ? this.deps.relay.relayCode(citizen, said) : undefined;
    const relay = outcome ? (outcome.kind === 'locked' ? outcome.code : outcome.kind) : 'none';
    this.record(target, workshopEvents.codeTyped, { ...fact, askedKey: keyNumber, relay });
  }
}
