import crypto from 'node:crypto';
import type { CitizenRepository } from '../citizen/citizen-repository.ts';
import type { Citizen } from '../citizen/types.ts';
import type { ClassClock } from '../common/clock.ts';
import type { EventLog } from '../common/event-log.ts';
import { hashPassword } from '../common/passwords.ts';
import { mitidPasswordProblems, mitidUserIdProblems } from './mitid-credentials.ts';
import type { MitidRepository } from './mitid-repository.ts';

export interface ActivationDeps {
  citizens: CitizenRepository;
  clock: ClassClock;
  events: EventLog;
  repo: MitidRepository;
}

/** How the trainee proves who they are: the passport's chip in the app [S27], or a NemID login on MitID.dk [S44]. */
export type ActivationRoute = 'passport' | 'nemid';

/** The fictional passport a trainee activates with: shown beside the page and printed on the activation letter. */
export interface FictionalPassport {
  number: string;
  name: string;
  /** The code line, which starts with P on a passport [S27]. */
  codeLine: string;
}

const checkDigits = (citizenId: number, nonce: string): string =>
  String(parseInt(crypto.createHash('sha256').update(`passport:${citizenId}:${nonce}`).digest('hex').slice(0, 10), 16) % 100_000).padStart(
    5,
    '0',
  );

/**
 * Getting MitID in the lesson (rules M8, M9 in docs/mitid.md): a trainee whose scenario
 * MitID is still to be activated proves who they are with the fictional passport, and a
 * NemID holder with their NemID; both then choose a MitID user ID and a password by
 * MitID's rules [S1], [S3] and set up the app. The MitID goes on a reset (it is not in
 * the blueprint's starting state).
 */
export class ActivationService {
  constructor(private readonly deps: ActivationDeps) {}

  /** The passport's number: the citizen's id and five check digits from the card's nonce, so it stays the same across resets. */
  passportOf(citizen: Citizen): FictionalPassport {
    const number = `${String(citizen.id).padStart(4, '0')}${checkDigits(citizen.id, this.deps.citizens.blueprintOf(citizen.id).card.nonce)}`;
    const [given = '', ...rest] = citizen.name.toUpperCase().split(' ');
    const surname = rest.join('<');
    return { number, name: citizen.name, codeLine: `P<DNK${surname}<<${given}`.padEnd(44, '<').slice(0, 44) };
  }

  /** True while the trainee's scenario MitID is waiting to be activated. */
  awaiting(citizenId: number): boolean {
    return this.deps.citizens.blueprintOf(citizenId).mitid?.activated === false && !this.deps.repo.ofCitizen(citizenId);
  }

  /** The trainee a passport number belongs to, when that trainee's MitID waits for activation. */
  byPassport(typed: string): Citizen | undefined {
    const number = typed.replace(/\s/g, '');
    if (!/^\d{9,12}$/.test(number)) return undefined;
    const citizen = this.deps.citizens.findById(Number(number.slice(0, -5)));
    if (!citizen || this.passportOf(citizen).number !== number || !this.awaiting(citizen.id)) return undefined;
    return citizen;
  }

  /** The passport's chip was read in the app [S27] (in the sandbox: a press of a button). */
  chipRead(citizen: Citizen): void {
    this.deps.events.recordFor(citizen, this.deps.clock, { type: 'mitid-passport-read', rule: 'M8' });
  }

  /** MitID's rules for a chosen user ID [S1], and "not taken by another MitID user". */
  userIdProblems(citizen: Citizen, userId: string): string[] {
    const problems = mitidUserIdProblems(userId, citizen.cpr);
    if (problems.length === 0 && this.deps.repo.byUserId(userId)) problems.push('mitidactivation:errors.userIdTaken');
    return problems;
  }

  passwordProblems(userId: string, password: string): string[] {
    return mitidPasswordProblems(password, userId);
  }

  /**
   * M8, M9: the MitID with the app as its authenticator. By passport the MitID is what the
   * scenario gives (NemID kept only with `identity: both`); with NemID the trainee keeps
   * NemID too (kind `both`) [S30]. Refuses when a MitID exists already or the user ID is taken.
   */
  async activate(citizenId: number, route: ActivationRoute, userId: string, password: string): Promise<'ok' | 'taken' | 'exists'> {
    const citizen = this.deps.citizens.findById(citizenId)!;
    const passwordHash = await hashPassword(password);
    if (this.deps.repo.ofCitizen(citizenId)) return 'exists';
    if (this.deps.repo.byUserId(userId)) return 'taken';
    const holdsNemid = route === 'nemid' ? true : (this.deps.citizens.blueprintOf(citizenId).mitid?.holdsNemid ?? false);
    const now = this.deps.clock.now(citizen.classId);
    this.deps.repo.create(
      citizenId,
      { userId: userId.toLowerCase(), passwordHash, knownPassword: '', holdsNemid, authenticators: ['app'] },
      { app: 'MitID app', 'code-display': '' },
      now,
    );
    this.deps.events.recordFor(citizen, this.deps.clock, {
      type: route === 'nemid' ? 'mitid-created-with-nemid' : 'mitid-activated',
      rule: route === 'nemid' ? 'M9' : 'M8',
      data: { holdsNemid },
    });
    return 'ok';
  }
}
