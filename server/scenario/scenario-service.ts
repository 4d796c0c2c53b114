import type { Blueprint } from '../citizen/types.ts';
import type { CitizenRepository } from '../citizen/citizen-repository.ts';
import { normalisePassword } from '../citizen/credentials.ts';
import {
  distinctFictionalNames,
  fictionalCpr,
  fictionalNemidNumber,
  fictionalPassword,
  userIdFromName,
} from '../citizen/fictional-identity.ts';
import type { ClassClock } from '../common/clock.ts';
import { cryptoRandom, type RandomInt } from '../common/random.ts';
import { UsageError } from '../common/errors.ts';
import type { Actor, EventLog } from '../common/event-log.ts';
import { hashPassword } from '../common/passwords.ts';
import type { Db } from '../storage/connection.ts';
import type { ClassRepository } from '../classes/class-repository.ts';
import type { ClassRow } from '../classes/types.ts';
import type { KeyCardService } from '../keycard/keycard-service.ts';
import type { ScenarioLibrary } from './scenario-library.ts';
import type { ScenarioFile, ScenarioTrainee } from './scenario-schema.ts';
import { defaultSettings, type ScenarioSettings } from './types.ts';

export interface ScenarioDeps {
  db: Db;
  classes: ClassRepository;
  citizens: CitizenRepository;
  keycards: KeyCardService;
  clock: ClassClock;
  events: EventLog;
  library: ScenarioLibrary;
  endSessions: (citizenIds: number[]) => void;
  /** Where generated names, numbers and passwords come from (the operating system's by default). */
  random?: RandomInt;
  /** Other parts a scenario gives data to (Digital Post letters, the bank), restored with each trainee. */
  parts?: ScenarioPart[];
  /**
   * Runs inside the transaction of every reset, before anything is changed (the teacher
   * console keeps the class's progress and debriefs there, whoever resets: console or CLI).
   */
  beforeReset?: (reset: ResetRequest) => void;
  /** The citizen whose MitID a user ID is, if any (server/mitid/): generated MitID user IDs stay unique. */
  mitidOwner?: (userId: string) => number | undefined;
}

/** A reset about to happen: of a class, of one trainee, or of a class whose scenario is loaded again. */
export interface ResetRequest {
  klass: ClassRow;
  reason: 'class-reset' | 'trainee-reset' | 'scenario-load';
  /** The trainee reset alone; null for the whole class. */
  citizenId: number | null;
  actor: Actor;
  /** The teacher who resets, from the console; null otherwise. */
  teacherId: number | null;
}

export interface ScenarioPart {
  /** Stores what the scenario gives the class; runs in the load transaction, before the trainees are restored. */
  load(classId: number, scenario: ScenarioFile, name: string): void;
  /** Restores one trainee's part after the citizen row is (re-)inserted, in the same transaction. */
  restore(citizenId: number, classId: number, position: number, now: number): void;
}

export interface LoadOptions {
  classCode?: string;
  className?: string;
  /** Generate this many trainees with fresh identities, taking the scenario's trainees as profiles. */
  traineeCount?: number;
  teacherId?: number | null;
  kind?: ClassRow['kind'];
  ownerTokenHash?: string;
  actor?: Actor;
}

/** A MitID password [S3] from the same words as NemID's: at least 8 characters. */
function mitidPassword(random: RandomInt): string {
  const password = fictionalPassword(random);
  return password.length >= 8 ? password : `${password}${random(0, 10)}`;
}

/** Keeps generated CPR numbers, NemID numbers and user IDs unique, in the batch and in the database. */
type PoolKind = 'cpr' | 'nemid' | 'userId' | 'mitid';

class IdentityPool {
  private readonly used = { cpr: new Set<string>(), nemid: new Set<string>(), userId: new Set<string>(), mitid: new Set<string>() };

  constructor(
    private readonly releasing: Set<number>,
    private readonly ownerOf: (value: string) => number | undefined,
    private readonly mitidOwnerOf: (value: string) => number | undefined = () => undefined,
  ) {}

  private free(kind: PoolKind, value: string): boolean {
    if (this.used[kind].has(value)) return false;
    const owner = kind === 'mitid' ? this.mitidOwnerOf(value) : this.ownerOf(value);
    return owner === undefined || this.releasing.has(owner);
  }

  take(kind: PoolKind, wanted: string | undefined, make: () => string): string {
    let value = wanted !== undefined && this.free(kind, wanted) ? wanted : make();
    while (!this.free(kind, value)) value = make();
    this.used[kind].add(value);
    return value;
  }
}

/**
 * Loads scenario files into classes, creates generated classes, and resets a class or
 * one trainee to the scenario's starting state. Passwords are hashed once, when a class
 * is made; a reset copies the stored starting state and so takes milliseconds.
 */
export class ScenarioService {
  constructor(private readonly deps: ScenarioDeps) {}

  private async blueprints(
    scenario: ScenarioFile,
    settings: ScenarioSettings,
    count: number | undefined,
    releasing: Set<number>,
  ): Promise<Blueprint[]> {
    const { citizens, keycards } = this.deps;
    const random = this.deps.random ?? cryptoRandom;
    // CPR numbers (10 digits), NemID numbers (9 digits) and user IDs never look alike.
    const pool = new IdentityPool(releasing, (value) => citizens.findByIdentifier(value)?.id, this.deps.mitidOwner);
    const generated = count !== undefined;
    const profiles: ScenarioTrainee[] = generated
      ? Array.from({ length: count }, (_, index) => scenario.trainees[index % scenario.trainees.length]!)
      : scenario.trainees;
    // Generated trainees have names unique in their class, so the teacher can call one by name.
    const names = generated ? distinctFictionalNames(profiles.length, [], random) : profiles.map((profile) => profile.name);

    const drafts = profiles.map((profile, index) => {
      const name = names[index]!;
      const cpr = pool.take('cpr', generated ? undefined : profile.cpr?.replace('-', ''), () => fictionalCpr(random));
      const nemidNumber = pool.take('nemid', generated ? undefined : profile.nemidNumber, () => fictionalNemidNumber(random));
      const userId =
        profile.userId === undefined
          ? null
          : pool.take('userId', generated ? undefined : profile.userId.toLowerCase(), () => userIdFromName(name, random));
      const knownPassword = (!generated && profile.password) || fictionalPassword(random);
      const identity = profile.identity ?? scenario.identity;
      const mitid =
        identity === 'nemid'
          ? undefined
          : {
              // MitID user IDs compare without case [S1]: kept in lower case, as NemID's are.
              userId: pool.take('mitid', generated ? undefined : profile.mitidUserId?.toLowerCase(), () => userIdFromName(name, random)),
              knownPassword: (!generated && profile.mitidPassword) || mitidPassword(random),
              holdsNemid: identity === 'both',
              authenticators: profile.authenticators ?? (['app'] as const),
              ...(profile.mitidActivated === false && { activated: false }),
            };
      return { profile, name, cpr, nemidNumber, userId, knownPassword, mitid };
    });

    const hashes = await Promise.all(drafts.map((draft) => hashPassword(normalisePassword(draft.knownPassword))));
    // A MitID password is compared as typed: no source says MitID ignores case.
    const mitidHashes = await Promise.all(drafts.map((draft) => (draft.mitid ? hashPassword(draft.mitid.knownPassword) : undefined)));
    return drafts.map((draft, index) => ({
      ...(draft.mitid && { mitid: { ...draft.mitid, authenticators: [...draft.mitid.authenticators], passwordHash: mitidHashes[index]! } }),
      name: draft.name,
      cpr: draft.cpr,
      nemidNumber: draft.nemidNumber,
      userId: draft.userId,
      knownPassword: draft.knownPassword,
      passwordHash: hashes[index]!,
      state: draft.profile.state,
      lockCode: draft.profile.lockCode ?? null,
      keysLeft: draft.profile.keysLeft ?? settings.keysPerCard,
      lang: draft.profile.lang,
      card: keycards.newIdentity(),
    }));
  }

  /** Loads a scenario into a class (its own class code by default), replacing what the class held. */
  async load(name: string, options: LoadOptions = {}): Promise<ClassRow> {
    const { classes, citizens } = this.deps;
    const scenario = this.deps.library.read(name);
    const settings: ScenarioSettings = { ...defaultSettings, ...scenario.settings };
    const code = options.classCode ?? scenario.class.code;
    const existing = classes.findByCode(code);
    const releasing = new Set(existing ? citizens.listInClass(existing.id).map((citizen) => citizen.id) : []);
    const count = options.traineeCount ?? existing?.generatedCount ?? undefined;
    const blueprints = await this.blueprints(scenario, settings, count, releasing);

    return this.deps.db
      .transaction(() => {
        let classId: number;
        if (existing) {
          this.deps.beforeReset?.({
            klass: existing,
            reason: 'scenario-load',
            citizenId: null,
            actor: options.actor ?? 'cli',
            teacherId: null,
          });
          this.deps.endSessions([...releasing]);
          citizens.deleteClass(existing.id);
          classes.updateScenario(existing.id, name, settings, count ?? null);
          classId = existing.id;
        } else {
          classId = classes.insert({
            code,
            name: options.className ?? scenario.class.name,
            scenario: name,
            kind: options.kind ?? 'class',
            settings,
            generatedCount: count ?? null,
            teacherId: options.teacherId ?? null,
            ownerTokenHash: options.ownerTokenHash ?? null,
            createdAt: Date.now(),
          });
        }
        const now = this.deps.clock.now(classId);
        for (const part of this.deps.parts ?? []) part.load(classId, scenario, name);
        blueprints.forEach((blueprint, position) => this.restore(classId, settings, blueprint, position, now));
        this.deps.events.record({
          classId,
          citizenId: null,
          actor: options.actor ?? 'cli',
          type: 'scenario-loaded',
          rule: null,
          data: { scenario: name, trainees: blueprints.length },
          at: now,
        });
        return classes.findById(classId)!;
      })
      .immediate(); // the write lock first, as in reset()
  }

  /** Creates a new class of generated trainees from a scenario; refuses a code already taken. */
  async createClass(code: string, scenarioName: string, traineeCount: number, teacherId: number | null, actor: Actor): Promise<ClassRow> {
    if (!/^[A-Za-z0-9-]{2,20}$/.test(code)) throw new UsageError('A class code has 2-20 letters, digits or dashes');
    if (!Number.isInteger(traineeCount) || traineeCount < 1 || traineeCount > 500) {
      throw new UsageError('A class has between 1 and 500 trainees');
    }
    if (this.deps.classes.findByCode(code)) throw new UsageError(`A class with the code ${code} exists already`);
    return this.load(scenarioName, { classCode: code, className: code, traineeCount, teacherId, actor });
  }

  private restore(classId: number, settings: ScenarioSettings, blueprint: Blueprint, position: number, now: number, id?: number): number {
    const lockedUntil = blueprint.lockCode === 'LOCK001' ? now + settings.temporaryLockHours * 3_600_000 : null;
    const citizenId = this.deps.citizens.insert({ id, classId, position, blueprint, lockedUntil, createdAt: now });
    const card = this.deps.keycards.issue(citizenId, {
      keyCount: settings.keysPerCard,
      reason: 'first',
      status: 'active',
      issuedAt: now,
      identity: blueprint.card,
    });
    const used = settings.keysPerCard - Math.min(blueprint.keysLeft, settings.keysPerCard);
    if (used > 0) this.deps.keycards.useFirstKeys(card, used, now);
    for (const part of this.deps.parts ?? []) part.restore(citizenId, classId, position, now);
    return citizenId;
  }

  /**
   * Puts trainees back to the scenario's starting state in one transaction: the same
   * identities, passwords and printed key cards, everything that happened since gone,
   * their sessions ended. Without `citizenId` the whole class, and its clock, is reset.
   * `ms` includes keeping the archive (beforeReset).
   */
  reset(classId: number, options: { citizenId?: number; actor?: Actor; teacherId?: number } = {}): { trainees: number; ms: number } {
    const started = performance.now();
    const { citizens, classes } = this.deps;
    const klass = classes.findById(classId);
    if (!klass) throw new UsageError(`No class with id ${classId}`);
    const targets = citizens.listInClass(classId).filter((citizen) => options.citizenId === undefined || citizen.id === options.citizenId);
    if (options.citizenId !== undefined && targets.length === 0) throw new UsageError('That trainee is not in this class');
    this.deps.db
      .transaction(() => {
        this.deps.beforeReset?.({
          klass,
          reason: options.citizenId === undefined ? 'class-reset' : 'trainee-reset',
          citizenId: options.citizenId ?? null,
          actor: options.actor ?? 'teacher',
          teacherId: options.teacherId ?? null,
        });
        if (options.citizenId === undefined) classes.setClockOffset(classId, 0);
        const now = this.deps.clock.now(classId);
        const ids = targets.map((citizen) => citizen.id);
        this.deps.endSessions(ids);
        for (const citizen of targets) {
          const blueprint = citizens.blueprintOf(citizen.id);
          citizens.delete(citizen.id);
          this.restore(classId, klass.settings, blueprint, citizen.position, now, citizen.id);
          this.deps.events.record({
            classId,
            citizenId: citizen.id,
            actor: options.actor ?? 'teacher',
            type: 'reset',
            rule: null,
            at: now,
          });
        }
        // Immediate: the write lock is taken first, so a server (or CLI) writing the same file meanwhile
        // makes this wait (busy_timeout) instead of failing with "database is locked" after its first read.
      })
      .immediate();
    return { trainees: targets.length, ms: performance.now() - started };
  }
}
