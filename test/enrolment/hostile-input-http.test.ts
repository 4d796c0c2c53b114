import fc from 'fast-check';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { seededContext } from '../helpers/context.ts';
import { csrfFrom, loginAs, testApp, type Agent } from '../helpers/http.ts';

const hostileText = fc.oneof(
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "' OR 1=1 --",
    'x'.repeat(5000),
    '   ',
    'yes',
    'id',
    'passport',
    'other',
  ),
  fc.string({ unit: 'binary', maxLength: 100 }),
);
const hostileValue = fc.oneof(
  { weight: 5, arbitrary: hostileText.map((text) => [text]) },
  { weight: 1, arbitrary: fc.array(hostileText, { minLength: 2, maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constant([] as string[]) },
);

async function fuzz(agent: Agent, page: string, action: string, fields: string[], runs: number): Promise<void> {
  const record = Object.fromEntries(fields.map((name) => [name, hostileValue])) as Record<string, fc.Arbitrary<string[]>>;
  await fc.assert(
    fc.asyncProperty(fc.record(record), async (values) => {
      const form = await agent.get(page);
      const body = new URLSearchParams({ _csrf: csrfFrom(form.text) });
      for (const [name, list] of Object.entries(values)) for (const value of list) body.append(name, value);
      const response = await agent.post(action).type('form').send(body.toString());
      expect(response.status).toBeLessThan(500);
      expect(response.text).not.toContain('<script>alert(1)</script>');
      expect(response.text).not.toContain('<img src=x onerror');
      expect(response.text).not.toMatch(/Invalid input|expected string/);
    }),
    { numRuns: runs },
  );
}

describe('hostile input at the desks and the exemption forms', () => {
  it('answers the desk forms without a server error and reflects nothing unescaped', async () => {
    const ctx = await seededContext();
    const agent = request.agent(testApp(ctx));
    const desk = ['hasCpr', 'brings', 'witnessName', 'witnessAge', 'witnessCpr', 'witnessBrings'];
    await fuzz(agent, '/get-nemid/borgerservice', '/get-nemid/borgerservice', desk, 25);
    await fuzz(agent, '/get-nemid/bank', '/get-nemid/bank', ['hasCpr', 'brings'], 15);
  });

  it('answers the exemption forms the same way', async () => {
    const ctx = await seededContext();
    const agent = request.agent(testApp(ctx));
    await loginAs(agent, ctx, 'ahmed.karimi', 'Bog7531x');
    await fuzz(agent, '/exemption/apply', '/exemption/apply', ['reason', 'otherReason', 'idDocument', 'corrects'], 25);
    await fuzz(agent, '/exemption', '/exemption/contact', ['sender'], 10);
    await fuzz(agent, '/get-nemid/bank/activate', '/get-nemid/bank/activate', ['brings'], 10);
  });
});
