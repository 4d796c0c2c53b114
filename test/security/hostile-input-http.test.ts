import fc from 'fast-check';
import request from 'supertest';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { ScenarioInvalid } from '../../server/common/errors.ts';
import { parseScenario } from '../../server/scenario/scenario-library.ts';
import { seededContext } from '../helpers/context.ts';
import { csrfFrom, testApp, type Agent } from '../helpers/http.ts';

const payloads = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR 1=1 --",
  "Robert'); DROP TABLE citizens;--",
  '\u0000\u0007\u001b[2J',
  '\u202e\ufeff\u200b',
  'æøå ÆØÅ ß 😀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'x'.repeat(5000),
  '   ',
  '{{constructor.constructor("return process")()}}',
  '<%= process.env %>',
];

const hostileText = fc.oneof(
  fc.constantFrom(...payloads),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
);

/** A form value as an attacker might send it: text, a repeated field (an array) or nothing. */
const hostileValue = fc.oneof(
  { weight: 6, arbitrary: hostileText.map((text) => ({ kind: 'text' as const, text })) },
  { weight: 1, arbitrary: fc.array(hostileText, { minLength: 2, maxLength: 3 }).map((texts) => ({ kind: 'array' as const, texts })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'missing' as const }) },
);

type HostileValue = { kind: 'text'; text: string } | { kind: 'array'; texts: string[] } | { kind: 'missing' };

function encode(fields: Record<string, HostileValue>, token: string): string {
  const params = new URLSearchParams({ _csrf: token });
  for (const [name, value] of Object.entries(fields)) {
    if (value.kind === 'text') params.append(name, value.text);
    if (value.kind === 'array') for (const text of value.texts) params.append(name, text);
  }
  return params.toString();
}

/** Nothing typed comes back as live markup. */
function expectNoLiveMarkup(html: string): void {
  expect(html).not.toContain('<script>alert(1)</script>');
  expect(html).not.toContain('<img src=x onerror');
  expect(html).not.toContain('<%=');
  expect(html).not.toMatch(/Invalid input|expected string/);
}

async function fuzzForm(
  agent: Agent,
  formPage: string,
  action: string,
  fieldNames: string[],
  runs: number,
  accepts: (fields: Record<string, HostileValue>) => boolean = () => true,
): Promise<void> {
  const record = Object.fromEntries(fieldNames.map((name) => [name, hostileValue])) as Record<string, fc.Arbitrary<HostileValue>>;
  await fc.assert(
    fc.asyncProperty(fc.record(record).filter(accepts), async (fields) => {
      const page = await agent.get(formPage);
      const response = await agent
        .post(action)
        .type('form')
        .send(encode(fields, csrfFrom(page.text)));
      expect(response.status).toBeLessThan(500);
      expectNoLiveMarkup(response.text);
    }),
    { numRuns: runs },
  );
}

describe('hostile input on every public form', () => {
  it('answers the login form without a server error and reflects nothing unescaped', async () => {
    const app = testApp(await seededContext(), { loginRateLimitPerMinute: 10_000 });
    await fuzzForm(request.agent(app), '/login', '/login', ['identifier', 'password', 'service'], 60);
  });

  it('answers the teacher login form the same way', async () => {
    const app = testApp(await seededContext(), { loginRateLimitPerMinute: 10_000 });
    await fuzzForm(request.agent(app), '/teacher/login', '/teacher/login', ['username', 'password'], 40);
  });

  it('answers the choose-password step the same way, and stores nothing hostile', async () => {
    const ctx = await seededContext();
    const app = testApp(ctx, { loginRateLimitPerMinute: 10_000 });
    const agent = request.agent(app);
    const login = await agent.get('/login');
    await agent
      .post('/login')
      .type('form')
      .send({ _csrf: csrfFrom(login.text), identifier: '741852963', password: 'velkommen81' });
    // Two equal texts in both password fields may be a good password, which the form rightly
    // takes (and the trainee is then past this step); the test is of everything else.
    const notTheSamePasswordTwice = (fields: Record<string, HostileValue>) =>
      !(fields.password?.kind === 'text' && fields.repeat?.kind === 'text' && fields.password.text === fields.repeat.text);
    await fuzzForm(agent, '/login/new-password', '/login/new-password', ['password', 'repeat', 'userId'], 40, notTheSamePasswordTwice);
    const olu = ctx.citizens.findByIdentifier('741852963');
    expect(olu?.state).toBe('pending');
    expect(olu?.userId).toBeNull();
  });
});

describe('hostile scenario files', () => {
  it('refuses anything that is not a scenario with ScenarioInvalid, never another error', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue().map((value) => YAML.stringify(value)),
          fc.string({ unit: 'binary', maxLength: 300 }),
        ),
        (text) => {
          try {
            parseScenario('fuzz.yaml', text);
          } catch (error) {
            expect(error).toBeInstanceOf(ScenarioInvalid);
            expect((error as Error).message).toContain('fuzz.yaml');
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses trainees with hostile values field by field', () => {
    fc.assert(
      fc.property(
        fc.record({ name: hostileText, cpr: hostileText, userId: hostileText, password: hostileText, state: hostileText }),
        (trainee) => {
          const text = YAML.stringify({ title: 'x', description: 'y', class: { code: 'FUZZ', name: 'Fuzz' }, trainees: [trainee] });
          expect(() => parseScenario('fuzz.yaml', text)).toThrow(ScenarioInvalid);
        },
      ),
      { numRuns: 200 },
    );
  });
});
