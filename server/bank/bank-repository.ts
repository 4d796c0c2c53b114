import type { Db } from '../storage/connection.ts';

export interface BankAccount {
  citizenId: number;
  accountNumber: string;
  openingOre: number;
}

export interface BankTransaction {
  id: number;
  at: number;
  text: string;
  amountOre: number;
  kind: 'salary' | 'transfer' | 'other';
  data: Record<string, unknown>;
}

/** The only place with SQL about the online bank. */
export class BankRepository {
  private readonly stmts;

  constructor(db: Db) {
    this.stmts = {
      setOpening: db.prepare(
        'INSERT INTO bank_classes (class_id, opening_ore) VALUES (?, ?) ON CONFLICT(class_id) DO UPDATE SET opening_ore = excluded.opening_ore',
      ),
      opening: db.prepare<[number], { opening_ore: number }>('SELECT opening_ore FROM bank_classes WHERE class_id = ?'),
      insertAccount: db.prepare('INSERT INTO bank_accounts (citizen_id, account_number, opening_ore) VALUES (?, ?, ?)'),
      account: db.prepare<[number], BankAccount>(
        'SELECT citizen_id AS citizenId, account_number AS accountNumber, opening_ore AS openingOre FROM bank_accounts WHERE citizen_id = ?',
      ),
      insertTransaction: db.prepare(
        'INSERT INTO bank_transactions (citizen_id, at, text, amount_ore, kind, letter_id, data) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      transactions: db.prepare<[number, number], Omit<BankTransaction, 'data'> & { data: string }>(
        `SELECT id, at, text, amount_ore AS amountOre, kind, data FROM bank_transactions
         WHERE citizen_id = ? AND at <= ? ORDER BY at DESC, id DESC LIMIT 100`,
      ),
      sum: db.prepare<[number, number], { total: number }>(
        'SELECT coalesce(sum(amount_ore), 0) AS total FROM bank_transactions WHERE citizen_id = ? AND at <= ?',
      ),
    };
  }

  setOpening(classId: number, openingOre: number): void {
    this.stmts.setOpening.run(classId, openingOre);
  }

  opening(classId: number): number | undefined {
    return this.stmts.opening.get(classId)?.opening_ore;
  }

  insertAccount(citizenId: number, accountNumber: string, openingOre: number): void {
    this.stmts.insertAccount.run(citizenId, accountNumber, openingOre);
  }

  account(citizenId: number): BankAccount | undefined {
    return this.stmts.account.get(citizenId);
  }

  addTransaction(
    citizenId: number,
    entry: {
      at: number;
      text: string;
      amountOre: number;
      kind: BankTransaction['kind'];
      letterId?: number;
      data?: Record<string, unknown>;
    },
  ): number {
    const result = this.stmts.insertTransaction.run(
      citizenId,
      entry.at,
      entry.text,
      entry.amountOre,
      entry.kind,
      entry.letterId ?? null,
      JSON.stringify(entry.data ?? {}),
    );
    return Number(result.lastInsertRowid);
  }

  transactions(citizenId: number, now: number): BankTransaction[] {
    return this.stmts.transactions.all(citizenId, now).map((row) => ({ ...row, data: JSON.parse(row.data) }));
  }

  /** The sum of the transactions booked by `now`. */
  movements(citizenId: number, now: number): number {
    return this.stmts.sum.get(citizenId, now)!.total;
  }
}
