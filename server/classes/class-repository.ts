import type { Db } from '../storage/connection.ts';
import { cryptoRandom, type RandomInt } from '../common/random.ts';
import { newJoinCode } from './join-code.ts';
import type { ClassRow } from '../classes/types.ts';

interface RawClass {
  id: number;
  code: string;
  name: string;
  scenario: string;
  kind: 'class' | 'selfstudy';
  clock_offset_ms: number;
  settings: string;
  generated_count: number | null;
  teacher_id: number | null;
  owner_token_hash: string | null;
  created_at: number;
  join_code: string | null;
  instructions: string;
}

function toRow(raw: RawClass | undefined): ClassRow | undefined {
  if (!raw) return undefined;
  return {
    id: raw.id,
    code: raw.code,
    name: raw.name,
    scenario: raw.scenario,
    kind: raw.kind,
    clockOffsetMs: raw.clock_offset_ms,
    settings: JSON.parse(raw.settings),
    generatedCount: raw.generated_count,
    teacherId: raw.teacher_id,
    ownerTokenHash: raw.owner_token_hash,
    createdAt: raw.created_at,
    joinCode: raw.join_code,
    instructions: raw.instructions,
  };
}

export type NewClass = Omit<ClassRow, 'id' | 'clockOffsetMs' | 'ownerTokenHash' | 'joinCode' | 'instructions'> & {
  ownerTokenHash?: string | null;
};

/** The only place with SQL about classes ("hold") and their clocks. */
export class ClassRepository {
  private readonly byId;
  private readonly byCode;
  private readonly byOwner;
  private readonly offset;
  private readonly all;
  private readonly practice;
  private readonly visibleTo;
  private readonly byJoinCode;
  private readonly setInstructionsStmt;
  private readonly insertStmt;
  private readonly updateScenarioStmt;
  private readonly setOffsetStmt;
  private readonly deleteStmt;

  constructor(
    private readonly db: Db,
    /** Draws join codes; tests pass a seeded source. */
    private readonly random: RandomInt = cryptoRandom,
  ) {
    this.byId = db.prepare<[number], RawClass>('SELECT * FROM classes WHERE id = ?');
    this.byCode = db.prepare<[string], RawClass>('SELECT * FROM classes WHERE code = ?');
    this.byOwner = db.prepare<[string], RawClass>("SELECT * FROM classes WHERE owner_token_hash = ? AND kind = 'selfstudy'");
    this.offset = db.prepare<[number], { clock_offset_ms: number }>('SELECT clock_offset_ms FROM classes WHERE id = ?');
    this.all = db.prepare<[], RawClass>("SELECT * FROM classes WHERE kind = 'class' ORDER BY code");
    this.practice = db.prepare<[], RawClass>("SELECT * FROM classes WHERE kind = 'selfstudy' ORDER BY code");
    this.visibleTo = db.prepare<[number], RawClass>(
      "SELECT * FROM classes WHERE kind = 'class' AND (teacher_id IS NULL OR teacher_id = ?) ORDER BY code",
    );
    this.byJoinCode = db.prepare<[string], RawClass>("SELECT * FROM classes WHERE join_code = ? AND kind = 'class'");
    this.setInstructionsStmt = db.prepare('UPDATE classes SET instructions = ? WHERE id = ?');
    this.insertStmt = db.prepare(
      `INSERT INTO classes (code, name, scenario, kind, settings, generated_count, teacher_id, owner_token_hash, created_at, join_code)
       VALUES (@code, @name, @scenario, @kind, @settings, @generatedCount, @teacherId, @ownerTokenHash, @createdAt, @joinCode)`,
    );
    this.updateScenarioStmt = db.prepare(
      'UPDATE classes SET scenario = ?, settings = ?, generated_count = ?, clock_offset_ms = 0 WHERE id = ?',
    );
    this.setOffsetStmt = db.prepare('UPDATE classes SET clock_offset_ms = ? WHERE id = ?');
    this.deleteStmt = db.prepare('DELETE FROM classes WHERE id = ?');
  }

  findById(id: number): ClassRow | undefined {
    return toRow(this.byId.get(id));
  }

  findByCode(code: string): ClassRow | undefined {
    return toRow(this.byCode.get(code));
  }

  /** The self-study class whose owner holds the token with this hash. */
  findByOwnerTokenHash(hash: string): ClassRow | undefined {
    return toRow(this.byOwner.get(hash));
  }

  listClasses(): ClassRow[] {
    return this.all.all().map((raw) => toRow(raw)!);
  }

  /** The classes of one that practising alone creates (each with its own clock). */
  listPracticeClasses(): ClassRow[] {
    return this.practice.all().map((raw) => toRow(raw)!);
  }

  /** The classes a teacher may see: their own and the shared ones (no teacher). */
  listVisibleTo(teacherId: number): ClassRow[] {
    return this.visibleTo.all(teacherId).map((raw) => toRow(raw)!);
  }

  findByJoinCode(joinCode: string): ClassRow | undefined {
    return toRow(this.byJoinCode.get(joinCode));
  }

  setInstructions(id: number, instructions: string): void {
    this.setInstructionsStmt.run(instructions, id);
  }

  clockOffset(id: number): number {
    return this.offset.get(id)?.clock_offset_ms ?? 0;
  }

  /** Inserts a class with a join code of its own (another is drawn in the rare case it is taken). */
  insert(row: NewClass): number {
    for (;;) {
      try {
        const result = this.insertStmt.run({
          ...row,
          settings: JSON.stringify(row.settings),
          ownerTokenHash: row.ownerTokenHash ?? null,
          joinCode: newJoinCode(this.random),
        });
        return Number(result.lastInsertRowid);
      } catch (error) {
        if (!String((error as Error).message).includes('classes.join_code')) throw error;
      }
    }
  }

  /** Points an existing class at a (new) scenario and puts its clock back to real time. */
  updateScenario(id: number, scenario: string, settings: ClassRow['settings'], generatedCount: number | null): void {
    this.updateScenarioStmt.run(scenario, JSON.stringify(settings), generatedCount, id);
  }

  setClockOffset(id: number, offsetMs: number): void {
    this.setOffsetStmt.run(offsetMs, id);
  }

  delete(id: number): void {
    this.deleteStmt.run(id);
  }
}
