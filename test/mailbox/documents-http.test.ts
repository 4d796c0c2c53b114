import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { danishTime } from '../../server/common/danish-time.ts';
import { pdfText } from '../exemption/pdf-text.ts';
import { FakeTime, seededContext } from '../helpers/context.ts';
import { loginAs, testApp } from '../helpers/http.ts';

const danishMonths = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
];

/** Mette, logged in to Digital Post on a class clock in late December (after the lease date the scenario once fixed). */
async function mette() {
  const ctx = await seededContext({ time: new FakeTime(Date.UTC(2026, 11, 20, 9, 0, 0)) });
  const agent = request.agent(testApp(ctx));
  await loginAs(agent, ctx, 'mette.hansen', 'Hest2024', 'post');
  const citizen = ctx.citizens.findByIdentifier('mette.hansen')!;
  const letter = (subject: string) => ctx.mailbox.arrivedLetters(citizen.id).find((l) => l.subject.da === subject)!;
  const pdfOf = async (letterId: number) => {
    const page = await agent.get(`/post/letters/${letterId}`);
    const href = /href="(\/post\/letters\/\d+\/attachments\/\d+)"/.exec(page.text)![1]!;
    const response = await agent.get(href).buffer(true);
    expect(response.headers['content-type']).toBe('application/pdf');
    return pdfText(Buffer.from(response.body));
  };
  return { ctx, agent, citizen, letter, pdfOf };
}

describe('documents that name the person who receives them', () => {
  it('the rental contract names the trainee as tenant, and its lease begins after the letter arrived', async () => {
    const { citizen, letter, pdfOf } = await mette();
    const contract = letter('Lejekontrakt til underskrift');
    const text = await pdfOf(contract.id);
    expect(text).toContain(`${citizen.name} (lejer)`);
    expect(text).not.toContain('Lejer / tenant / Mieter');
    const start = /Lejemålet begynder (\d{1,2})\. (\p{L}+) (\d{4})/u.exec(text);
    expect(start).not.toBeNull();
    const arrived = danishTime(contract.deliveredAt);
    const startDay = Date.UTC(Number(start![3]), danishMonths.indexOf(start![2]!), Number(start![1]));
    expect(danishMonths).toContain(start![2]);
    expect(startDay).toBeGreaterThan(Date.UTC(arrived.year, arrived.month - 1, arrived.day));
  });

  it('the signing page shows the same parties and start as the PDF', async () => {
    const { agent, citizen, letter } = await mette();
    const contract = letter('Lejekontrakt til underskrift');
    const page = await agent.get(`/post/letters/${contract.id}/sign`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`${citizen.name} (lejer)`);
    expect(page.text).not.toContain('Lejer / tenant / Mieter');
    expect(page.text).toContain('Lejemålet begynder 1. januar 2027.');
  });

  it('the tax assessment is addressed to the trainee: name and CPR number, marked fictional', async () => {
    const { citizen, letter, pdfOf } = await mette();
    const text = await pdfOf(letter('Din årsopgørelse for 2025 er klar').id);
    expect(text).toContain(citizen.name);
    expect(text).toContain(`CPR-nr.: ${citizen.cpr.slice(0, 6)}-${citizen.cpr.slice(6)} (opdigtet)`);
  });
});
