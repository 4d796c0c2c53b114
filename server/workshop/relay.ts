import { normalisePassword } from '../citizen/credentials.ts';
import type { Citizen } from '../citizen/types.ts';
import type { ClassClock } from '../common/clock.ts';
import { verifyPassword } from '../common/passwords.ts';
import type { KeyCardCodes } from '../keycard/keycard-codes.ts';
import type { KeyCardService } from '../keycard/keycard-service.ts';
import type { KeyOutcome, LoginService } from '../login/login-service.ts';

/** What the sandbox's own check says of a typed code: whether it is printed on one of the participant's cards. */
export interface CodeFact {
  real: boolean;
  /** The key the code belongs to, when it is real (key numbers are not secret). */
  key?: string;
  cardId?: number;
  /** The key had been used already (a used code is worth nothing to an attacker). */
  used?: boolean;
}

/** The login service's service name for a login the attacker's relay makes. */
export const relayService = 'workshop-relay';

/**
 * The attacker behind a staged attack, and the sandbox's check of what a participant
 * typed. A typed password or code is checked and relayed while the request runs and is
 * then forgotten: only facts (real or not, which key) leave this class.
 */
export class Relay {
  constructor(
    private readonly login: LoginService,
    private readonly keycards: KeyCardService,
    private readonly codes: KeyCardCodes,
    private readonly clock: ClassClock,
  ) {}

  /** The sandbox's own check: is this the password the login would accept for this citizen now? */
  async isPassword(citizen: Citizen, password: string): Promise<boolean> {
    const hash = citizen.state === 'pending' ? citizen.tempPasswordHash : citizen.passwordHash;
    if (hash === null || password.length === 0 || password.length > 100) return false;
    return verifyPassword(hash, normalisePassword(password));
  }

  /** Whether a code is printed on one of the citizen's cards in use or on its way (and for which key). */
  codeFact(citizen: Citizen, typed: string, keyNumber?: string): CodeFact {
    const code = typed.replace(/\s/g, '');
    if (!/^\d{6}$/.test(code)) return { real: false };
    for (const card of this.keycards
      .cardsOf(citizen.id)
      .filter((candidate) => candidate.status === 'active' || candidate.status === 'sent')) {
      if (keyNumber !== undefined) {
        const onCard = this.keycards.keyNumbers(card).includes(keyNumber);
        if (onCard && this.codes.matches(card.nonce, keyNumber, code)) {
          return { real: true, key: keyNumber, cardId: card.id, used: !this.keycards.unusedKeys(card).includes(keyNumber) };
        }
        continue;
      }
      const printed = this.keycards.printed(card).find((entry) => entry.code === code);
      if (printed) return { real: true, key: printed.key, cardId: card.id, used: printed.used };
    }
    return { real: false };
  }

  /**
   * Real-time phishing, step 1: the attacker types the captured password into the real
   * login at once. Returns whether the real login now asks a key (the challenge is open).
   */
  async relayPassword(citizen: Citizen, password: string): Promise<'challenge' | 'refused'> {
    if (citizen.state === 'pending') return 'refused';
    const outcome = await this.login.checkPassword(citizen.nemidNumber, password);
    return outcome.kind === 'key' ? 'challenge' : 'refused';
  }

  /** The key the real login asks this citizen for now, if a challenge is open (read only). */
  openChallenge(citizen: Citizen): string | undefined {
    const card = this.keycards.cardForLogin(citizen.id, this.clock.now(citizen.classId));
    return card?.challengeKey ?? undefined;
  }

  /** Real-time phishing, step 2: the captured code goes to the real login while the challenge is open. */
  relayCode(citizen: Citizen, code: string): KeyOutcome {
    return this.login.answerKey(citizen.id, code.replace(/\s/g, ''), relayService);
  }

  /**
   * A replay: the attacker tries a captured code again later, against whatever key the
   * real login asks now. The code is derived again from the card for the recorded key
   * (it was never stored); a used key is never asked again, so this fails.
   */
  replay(citizen: Citizen, cardId: number, key: string): { askedKey?: string; outcome: KeyOutcome } {
    const card = this.keycards.cardsOf(citizen.id).find((candidate) => candidate.id === cardId);
    const printed = card && this.keycards.printed(card).find((entry) => entry.key === key);
    const challenge = this.login.challenge(citizen.id);
    if ('kind' in challenge) return { outcome: challenge };
    if (!printed) return { askedKey: challenge.keyNumber, outcome: { kind: 'stale' } };
    return { askedKey: challenge.keyNumber, outcome: this.login.answerKey(citizen.id, printed.code, relayService) };
  }
}
