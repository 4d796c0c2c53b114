import { createContext, type Context } from '../server/context.ts';
import { openDatabase } from '../server/storage/connection.ts';
import type { Secrets } from '../server/common/secrets.ts';
import { KeyCardCodes } from '../server/keycard/keycard-codes.ts';
import { repoRoot } from './server-process.ts';
import path from 'node:path';

/** A trainee the bench can log in as: identifier, password and the codes of their card. */
export interface LoginTrainee {
  citizenId: number;
  identifier: string;
  password: string;
}

/**
 * The bench's own view of the server's database: the same services over the same file,
 * with the same key-card secret, so it can create classes, reset them and read the code
 * printed beside a key number exactly as a trainee reads it off their card.
 */
export class BenchFixtures {
  readonly ctx: Context;
  private readonly codes: KeyCardCodes;

  constructor(dbPath: string, secrets: Secrets) {
    this.codes = new KeyCardCodes(secrets.keycard);
    this.ctx = createContext({ db: openDatabase(dbPath), secrets, scenarioDir: path.join(repoRoot, 'seed/scenarios') });
  }

  /** Creates a class of generated trainees from a scenario (hashes each password once). */
  async createClass(code: string, trainees: number, scenario = 'default'): Promise<{ classId: number; ms: number }> {
    const started = performance.now();
    const klass = await this.ctx.scenarios.createClass(code, scenario, trainees, null, 'cli');
    return { classId: klass.id, ms: performance.now() - started };
  }

  resetClass(classId: number): number {
    return this.ctx.scenarios.reset(classId, { actor: 'cli' }).ms;
  }

  /** The class's trainees who can log in now with their password and key card. */
  loginTrainees(classId: number): LoginTrainee[] {
    const now = this.ctx.clock.now(classId);
    return this.ctx.citizens
      .listInClass(classId)
      .filter((citizen) => citizen.state === 'active' && citizen.knownPassword && this.ctx.keycards.cardForLogin(citizen.id, now))
      .map((citizen) => ({ citizenId: citizen.id, identifier: citizen.userId ?? citizen.nemidNumber, password: citizen.knownPassword! }));
  }

  /** The code printed beside a key number on the card the login asks from now. */
  codeFor(citizenId: number, keyNumber: string): string {
    const citizen = this.ctx.citizens.findById(citizenId)!;
    const card = this.ctx.keycards.cardForLogin(citizenId, this.ctx.clock.now(citizen.classId));
    if (!card) throw new Error(`Trainee ${citizenId} has no key card to log in with`);
    return this.codes.code(card.nonce, keyNumber);
  }

  /** Letters in a trainee's inbox now. */
  inboxSize(citizenId: number): number {
    return this.ctx.post.inbox.list(citizenId, { box: 'inbox' }).total;
  }

  /** Delivers `count` ordinary letters now, as `sandbox letter send` does. */
  deliverLetters(citizenId: number, count: number): void {
    // IMMEDIATE: the server writes to the same file; a deferred transaction that reads
    // first and then writes would fail with SQLITE_BUSY_SNAPSHOT instead of waiting.
    this.ctx.db
      .transaction(() => {
        for (let index = 1; index <= count; index += 1) {
          this.ctx.mailbox.deliver(
            citizenId,
            { sender: 'skattestyrelsen', subject: `Bench letter ${index}`, body: `Letter ${index} of ${count}, delivered by the bench.` },
            { actor: 'cli' },
          );
        }
      })
      .immediate();
  }

  close(): void {
    this.ctx.db.close();
  }
}
