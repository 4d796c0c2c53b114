import type { Citizen } from '../citizen/types.ts';
import type { ClassClock } from '../common/clock.ts';
import type { EventLog } from '../common/event-log.ts';
import type { Letter } from '../mailbox/types.ts';
import type { ScenarioFile } from '../scenario/scenario-schema.ts';
import type { BankRepository, BankTransaction } from './bank-repository.ts';

/** The opening balance when a scenario gives none: 8,450.00 kr. */
export const defaultOpeningOre = 845_000;

export interface Transfer {
  toAccount: string;
  amountOre: number;
  text: string;
}

export type TransferErrors = Partial<Record<'toAccount' | 'amount' | 'text', string[]>>;

/** Reads an amount in kroner as people type it: 1.250,50 or 1250.50 or 300. */
export function parseKroner(raw: string): number | undefined {
  const text = raw.trim().replace(/\s|kr\.?$/gi, '');
  const match = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(text) ?? /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return undefined;
  return Number(match[1]!.replace(/\./g, '')) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/**
 * The online bank (R2: a private service that logs in with the same NemID): an account
 * with a balance, payslip net pay paid in when the payslip arrives (R9), and transfers
 * that must be confirmed with a key code.
 */
export class BankService {
  constructor(
    private readonly repo: BankRepository,
    private readonly clock: ClassClock,
    private readonly events: EventLog,
  ) {}

  /** ScenarioPart: the class's opening balance. */
  load(classId: number, scenario: ScenarioFile): void {
    this.repo.setOpening(classId, scenario.bank ? Math.round(scenario.bank.openingBalance * 100) : defaultOpeningOre);
  }

  /** ScenarioPart: every trainee has an account, with a fictional account number. */
  restore(citizenId: number, classId: number): void {
    const number = `9570 ${String((citizenId * 7_919_071) % 10_000_000_000).padStart(10, '0')}`;
    this.repo.insertAccount(citizenId, number, this.repo.opening(classId) ?? defaultOpeningOre);
  }

  /** Pays a payslip's net pay in when the payslip arrives (at the letter's delivery time). */
  payslipDelivered(letter: Letter): void {
    const payslip = letter.data.payslip as { net?: number; period?: unknown } | undefined;
    if (letter.kind !== 'payslip' || typeof payslip?.net !== 'number' || letter.direction !== 'in') return;
    this.repo.addTransaction(letter.citizenId, {
      at: letter.deliveredAt,
      text: letter.senderName,
      amountOre: Math.round(payslip.net * 100),
      kind: 'salary',
      letterId: letter.id,
      data: { period: payslip.period },
    });
  }

  overview(citizen: Citizen): { accountNumber: string; balanceOre: number; transactions: BankTransaction[]; now: number } {
    const now = this.clock.now(citizen.classId);
    const account = this.repo.account(citizen.id);
    if (!account) {
      this.repo.insertAccount(citizen.id, `9570 ${String(citizen.id).padStart(10, '0')}`, defaultOpeningOre);
      return this.overview(citizen);
    }
    return {
      accountNumber: account.accountNumber,
      balanceOre: account.openingOre + this.repo.movements(citizen.id, now),
      transactions: this.repo.transactions(citizen.id, now),
      now,
    };
  }

  /** Checks a transfer before it is confirmed: account number, amount within the balance, a short text. */
  check(
    citizen: Citizen,
    input: { toAccount: string; amount: string; text: string },
  ): { ok: true; transfer: Transfer } | { ok: false; errors: TransferErrors } {
    const errors: TransferErrors = {};
    const toAccount = input.toAccount.replace(/[\s-]/g, '');
    if (!/^\d{4}\d{6,10}$/.test(toAccount)) errors.toAccount = ['services:bank.errors.account'];
    const amountOre = parseKroner(input.amount);
    if (amountOre === undefined || amountOre <= 0) errors.amount = ['services:bank.errors.amount'];
    else if (amountOre > this.overview(citizen).balanceOre) errors.amount = ['services:bank.errors.balance'];
    const text = input.text.trim();
    if (text.length > 35) errors.text = ['services:bank.errors.text'];
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    return { ok: true, transfer: { toAccount: `${toAccount.slice(0, 4)} ${toAccount.slice(4)}`, amountOre: amountOre!, text } };
  }

  /** Books a transfer that was confirmed with a key code; refuses one past the balance. */
  transfer(citizen: Citizen, transfer: Transfer): boolean {
    const now = this.clock.now(citizen.classId);
    if (transfer.amountOre > this.overview(citizen).balanceOre) return false;
    const id = this.repo.addTransaction(citizen.id, {
      at: now,
      text: transfer.text || transfer.toAccount,
      amountOre: -transfer.amountOre,
      kind: 'transfer',
      data: { toAccount: transfer.toAccount },
    });
    this.events.record({
      classId: citizen.classId,
      citizenId: citizen.id,
      actor: 'trainee',
      type: 'bank-transfer',
      rule: 'R2',
      data: { transactionId: id, toAccount: transfer.toAccount, amountOre: transfer.amountOre },
      at: now,
    });
    return true;
  }
}

/** Formats øre as kroner the way the page's language writes money: 1.234,50 kr. */
export function formatKroner(ore: number, lang: string): string {
  const locale = lang === 'en' ? 'en-GB' : lang === 'de' ? 'de-DE' : 'da-DK';
  return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(ore / 100)} kr.`;
}
