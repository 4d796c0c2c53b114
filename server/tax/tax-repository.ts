import type { Db } from '../storage/connection.ts';

export interface TaxAnswer {
  id: number;
  year: number;
  answer: { extraDeductionsOre: number; comment: string };
  at: number;
}

/** The only place with SQL about the personal tax folder. */
export class TaxRepository {
  private readonly stmts;

  constructor(db: Db) {
    this.stmts = {
      insert: db.prepare('INSERT INTO tax_answers (citizen_id, year, answer, at) VALUES (?, ?, ?, ?)'),
      list: db.prepare<[number, number], { id: number; year: number; answer: string; at: number }>(
        'SELECT id, year, answer, at FROM tax_answers WHERE citizen_id = ? AND year = ? ORDER BY at DESC, id DESC',
      ),
    };
  }

  insert(citizenId: number, year: number, answer: TaxAnswer['answer'], at: number): number {
    return Number(this.stmts.insert.run(citizenId, year, JSON.stringify(answer), at).lastInsertRowid);
  }

  answers(citizenId: number, year: number): TaxAnswer[] {
    return this.stmts.list.all(citizenId, year).map((row) => ({ ...row, answer: JSON.parse(row.answer) }));
  }
}
