import type { Citizen } from '../citizen/types.ts';
import type { EventLog } from '../common/event-log.ts';
import { parseKroner } from '../bank/bank-service.ts';
import type { LetterRepository } from '../mailbox/letter-repository.ts';
import { localised, type MailboxService } from '../mailbox/mailbox-service.ts';
import type { Letter } from '../mailbox/types.ts';
import type { TaxAnswer, TaxRepository } from './tax-repository.ts';

export interface TaxFigures {
  year: number;
  income: number;
  deductions: number;
  taxPaid: number;
  taxDue: number;
}

export type TaxAnswerErrors = Partial<Record<'extraDeductions' | 'comment', string[]>>;

/**
 * The personal tax folder (R2: public self-service with the same NemID): the year's tax
 * assessment (årsopgørelse) from the letter Skattestyrelsen sent, and a form to answer
 * it. An answer counts as answering the letter and brings a receipt to the mailbox.
 */
export class TaxService {
  constructor(
    private readonly repo: TaxRepository,
    private readonly mailbox: MailboxService,
    private readonly letters: LetterRepository,
    private readonly events: EventLog,
  ) {}

  /** The newest tax assessment that has arrived, with its figures and the answers given. */
  assessment(citizen: Citizen): { letter: Letter; figures: TaxFigures; answers: TaxAnswer[] } | undefined {
    const letter = this.mailbox
      .arrivedLetters(citizen.id)
      .filter((l) => l.direction === 'in' && l.kind === 'tax-assessment' && l.data.taxAssessment)
      .at(-1);
    if (!letter) return undefined;
    const figures = letter.data.taxAssessment as TaxFigures;
    return { letter, figures, answers: this.repo.answers(citizen.id, figures.year) };
  }

  answer(
    citizen: Citizen,
    input: { extraDeductions: string; comment: string },
  ): { ok: true } | { ok: false; errors: TaxAnswerErrors } | undefined {
    const current = this.assessment(citizen);
    if (!current) return undefined;
    const errors: TaxAnswerErrors = {};
    const raw = input.extraDeductions.trim();
    const extraDeductionsOre = raw === '' ? 0 : parseKroner(raw);
    if (extraDeductionsOre === undefined || extraDeductionsOre > 100_000_000) errors.extraDeductions = ['services:tax.errors.amount'];
    const comment = input.comment.trim();
    if (comment.length > 1000) errors.comment = ['services:tax.errors.commentTooLong'];
    if (!errors.extraDeductions && extraDeductionsOre === 0 && comment === '') errors.extraDeductions = ['services:tax.errors.nothing'];
    if (Object.keys(errors).length > 0) return { ok: false, errors };

    const now = this.mailbox.now(citizen);
    const year = current.figures.year;
    const id = this.repo.insert(citizen.id, year, { extraDeductionsOre: extraDeductionsOre!, comment }, now);
    this.letters.markAnswered(current.letter.id, now);
    this.events.record({
      classId: citizen.classId,
      citizenId: citizen.id,
      actor: 'trainee',
      type: 'tax-answered',
      rule: 'R2',
      data: { answerId: id, year, extraDeductionsOre },
      at: now,
    });
    this.mailbox.deliver(citizen.id, {
      sender: current.letter.senderKey ?? current.letter.senderName,
      subject: localised('services:tax.receipt.subject', { year }),
      body: localised('services:tax.receipt.body', { year }),
    });
    return { ok: true };
  }
}
