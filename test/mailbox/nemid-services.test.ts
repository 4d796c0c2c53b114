import { describe, expect, it } from 'vitest';
import { parseKroner } from '../../server/bank/bank-service.ts';
import type { Context } from '../../server/context.ts';
import { FakeTime, codeForAskedKey, seededContext } from '../helpers/context.ts';

async function setup() {
  const ctx = await seededContext({ time: new FakeTime() });
  const mette = ctx.citizens.findByIdentifier('mette.hansen')!;
  return { ctx, mette };
}

const contract = (ctx: Context, citizenId: number) => ctx.mailbox.arrivedLetters(citizenId).find((l) => l.kind === 'signature-request')!;

describe('the online bank (R2)', () => {
  it('reads kroner as people type them', () => {
    expect(parseKroner('1.250,50')).toBe(125_050);
    expect(parseKroner('250')).toBe(25_000);
    expect(parseKroner('99.5')).toBe(9_950);
    expect(parseKroner('12,3')).toBe(1_230);
    expect(parseKroner('abc')).toBeUndefined();
    expect(parseKroner('-5')).toBeUndefined();
  });

  it('checks a transfer before it is confirmed', async () => {
    const { ctx, mette } = await setup();
    expect(ctx.post.bank.check(mette, { toAccount: '12', amount: '0', text: '' })).toEqual({
      ok: false,
      errors: { toAccount: ['services:bank.errors.account'], amount: ['services:bank.errors.amount'] },
    });
    expect(ctx.post.bank.check(mette, { toAccount: '1234 5678901234', amount: '1.000.000', text: '' })).toMatchObject({
      ok: false,
      errors: { amount: ['services:bank.errors.balance'] },
    });
    expect(ctx.post.bank.check(mette, { toAccount: '1234-5678901234', amount: '250,00', text: 'Husleje' })).toEqual({
      ok: true,
      transfer: { toAccount: '1234 5678901234', amountOre: 25_000, text: 'Husleje' },
    });
  });

  it('uses a key of the card to confirm, and a wrong code counts towards LOCK003', async () => {
    const { ctx, mette } = await setup();
    const asked = ctx.post.confirmation.challenge(mette.id);
    expect('keyNumber' in asked).toBe(true);
    expect(ctx.post.confirmation.answer(mette.id, '000000', 'bank-transfer', 'R2')).toMatchObject({ kind: 'wrong', triesLeft: 2 });
    const { code } = codeForAskedKey(ctx, 'mette.hansen');
    expect(ctx.post.confirmation.answer(mette.id, code, 'bank-transfer', 'R2')).toEqual({ kind: 'ok' });
    expect(ctx.post.confirmation.answer(mette.id, code, 'bank-transfer', 'R2')).toMatchObject({ kind: 'wrong', triesLeft: 2 });
    expect(ctx.post.confirmation.answer(mette.id, '111111', 'bank-transfer', 'R2')).toMatchObject({ kind: 'wrong', triesLeft: 1 });
    expect(ctx.post.confirmation.answer(mette.id, '222222', 'bank-transfer', 'R2')).toMatchObject({
      kind: 'refused',
      refusal: { code: 'LOCK003' },
    });
    expect(ctx.citizens.findById(mette.id)).toMatchObject({ state: 'blocked', lockCode: 'LOCK003' });
  });

  it('books a confirmed transfer and lowers the balance', async () => {
    const { ctx, mette } = await setup();
    const before = ctx.post.bank.overview(mette).balanceOre;
    expect(ctx.post.bank.transfer(mette, { toAccount: '1234 5678901234', amountOre: 25_000, text: 'Husleje' })).toBe(true);
    const after = ctx.post.bank.overview(mette);
    expect(after.balanceOre).toBe(before - 25_000);
    expect(after.transactions[0]).toMatchObject({ kind: 'transfer', amountOre: -25_000, text: 'Husleje' });
    expect(ctx.events.list({ citizenId: mette.id }).at(-1)).toMatchObject({ type: 'bank-transfer', rule: 'R2' });
  });
});

describe('signing a document with NemID (R3)', () => {
  it('records who signed and when, and verifies the signature', async () => {
    const { ctx, mette } = await setup();
    const letter = contract(ctx, mette.id);
    expect(ctx.post.signatures.verify(mette.id, letter.id)).toBeUndefined();
    const signature = ctx.post.signatures.sign(mette, letter.id);
    expect(signature).toMatchObject({
      signerName: 'Mette Fiktiv Hansen',
      nemidNumber: '418203557',
      signedAt: ctx.clock.now(mette.classId),
    });
    expect(ctx.post.signatures.verify(mette.id, letter.id)).toMatchObject({ valid: true, documentIntact: true, sealIntact: true });
    expect(ctx.post.signatures.sign(mette, letter.id).id).toBe(signature.id);
  });

  it('detects a document changed after signing', async () => {
    const { ctx, mette } = await setup();
    const letter = contract(ctx, mette.id);
    ctx.post.signatures.sign(mette, letter.id);
    const data = { ...letter.data, contract: { ...(letter.data.contract as object), terms: [{ da: 'Husleje: 9.900 kr. om måneden.' }] } };
    ctx.db.prepare('UPDATE letters SET data = ? WHERE id = ?').run(JSON.stringify(data), letter.id);
    expect(ctx.post.signatures.verify(mette.id, letter.id)).toMatchObject({ valid: false, documentIntact: false, sealIntact: true });
  });

  it('detects a changed signature record', async () => {
    const { ctx, mette } = await setup();
    const letter = contract(ctx, mette.id);
    ctx.post.signatures.sign(mette, letter.id);
    ctx.db.prepare('UPDATE signatures SET signed_at = signed_at - 86400000 WHERE letter_id = ?').run(letter.id);
    expect(ctx.post.signatures.verify(mette.id, letter.id)).toMatchObject({ valid: false, documentIntact: true, sealIntact: false });
  });

  it("only signs documents sent for signing, and only the recipient's", async () => {
    const { ctx, mette } = await setup();
    const ahmed = ctx.citizens.findByIdentifier('ahmed.karimi')!;
    const tax = ctx.mailbox.arrivedLetters(mette.id).find((l) => l.kind === 'tax-assessment')!;
    expect(() => ctx.post.signatures.sign(mette, tax.id)).toThrow('errors:notFound');
    expect(() => ctx.post.signatures.sign(ahmed, contract(ctx, mette.id).id)).toThrow('errors:notFound');
  });
});

describe('the tax folder (R2)', () => {
  it('shows the assessment, takes an answer, marks the letter answered and sends a receipt', async () => {
    const { ctx, mette } = await setup();
    const assessment = ctx.post.tax.assessment(mette)!;
    expect(assessment.figures).toEqual({ year: 2025, income: 312000, deductions: 24500, taxPaid: 98200, taxDue: 96450 });
    expect(ctx.post.tax.answer(mette, { extraDeductions: '', comment: '' })).toEqual({
      ok: false,
      errors: { extraDeductions: ['services:tax.errors.nothing'] },
    });
    expect(ctx.post.tax.answer(mette, { extraDeductions: 'mange', comment: '' })).toEqual({
      ok: false,
      errors: { extraDeductions: ['services:tax.errors.amount'] },
    });
    expect(ctx.post.tax.answer(mette, { extraDeductions: '4.500', comment: 'Kørsel til arbejde' })).toEqual({ ok: true });
    expect(ctx.post.tax.assessment(mette)!.answers[0]!.answer).toEqual({ extraDeductionsOre: 450_000, comment: 'Kørsel til arbejde' });
    expect(ctx.mailbox.arrivedLetters(mette.id).find((l) => l.id === assessment.letter.id)!.answeredAt).not.toBeNull();
    expect(ctx.mailbox.arrivedLetters(mette.id).at(-1)!.subject.da).toBe('Kvittering: dit svar på årsopgørelsen 2025');
  });
});
