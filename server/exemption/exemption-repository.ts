import type { Db } from '../storage/connection.ts';
import type { ExemptionDecision, IdChoice, ReasonChoice, Rejection } from './types.ts';

interface RawDecision {
  id: number;
  citizen_id: number;
  id_document: IdChoice;
  reason: ReasonChoice;
  other_reason: string | null;
  decision: 'granted' | 'rejected';
  rejections: string;
  corrects: number | null;
  decided_at: number;
  attested_at: number | null;
  letters_to_paper: number;
  ended_at: number | null;
}

const toDecision = (raw: RawDecision): ExemptionDecision => ({
  id: raw.id,
  citizenId: raw.citizen_id,
  idDocument: raw.id_document,
  reason: raw.reason,
  otherReason: raw.other_reason,
  decision: raw.decision,
  rejections: JSON.parse(raw.rejections) as Rejection[],
  corrects: raw.corrects,
  decidedAt: raw.decided_at,
  attestedAt: raw.attested_at,
  lettersToPaper: raw.letters_to_paper,
  endedAt: raw.ended_at,
});

export type NewDecision = Omit<ExemptionDecision, 'id' | 'attestedAt' | 'endedAt'>;

/** The only place with SQL about applications for exemption from Digital Post. */
export class ExemptionRepository {
  private readonly stmts;

  constructor(db: Db) {
    this.stmts = {
      insert: db.prepare(
        `INSERT INTO exemption_applications (citizen_id, id_document, reason, other_reason, decision, rejections, corrects,
           decided_at, letters_to_paper)
         VALUES (@citizenId, @idDocument, @reason, @otherReason, @decision, @rejections, @corrects, @decidedAt, @lettersToPaper)`,
      ),
      byId: db.prepare<[number, number], RawDecision>('SELECT * FROM exemption_applications WHERE id = ? AND citizen_id = ?'),
      ofCitizen: db.prepare<[number], RawDecision>('SELECT * FROM exemption_applications WHERE citizen_id = ? ORDER BY id DESC'),
      currentGrant: db.prepare<[number], RawDecision>(
        `SELECT * FROM exemption_applications WHERE citizen_id = ? AND decision = 'granted' AND ended_at IS NULL
         ORDER BY id DESC LIMIT 1`,
      ),
      attest: db.prepare('UPDATE exemption_applications SET attested_at = ? WHERE id = ? AND attested_at IS NULL'),
      end: db.prepare('UPDATE exemption_applications SET ended_at = ? WHERE id = ? AND ended_at IS NULL'),
    };
  }

  insert(decision: NewDecision): number {
    const result = this.stmts.insert.run({ ...decision, rejections: JSON.stringify(decision.rejections) });
    return Number(result.lastInsertRowid);
  }

  /** A decision of this citizen (another citizen's id gives nothing). */
  find(citizenId: number, id: number): ExemptionDecision | undefined {
    const raw = this.stmts.byId.get(id, citizenId);
    return raw && toDecision(raw);
  }

  listOf(citizenId: number): ExemptionDecision[] {
    return this.stmts.ofCitizen.all(citizenId).map(toDecision);
  }

  /** The granted exemption in force, if any. */
  currentGrant(citizenId: number): ExemptionDecision | undefined {
    const raw = this.stmts.currentGrant.get(citizenId);
    return raw && toDecision(raw);
  }

  /** Records the written confirmation; false when it was asked for already. */
  markAttested(id: number, at: number): boolean {
    return this.stmts.attest.run(at, id).changes === 1;
  }

  /** Ends a granted exemption; false when it had ended already. */
  end(id: number, at: number): boolean {
    return this.stmts.end.run(at, id).changes === 1;
  }
}
