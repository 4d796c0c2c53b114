import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { seededContext } from '../helpers/context.ts';
import { binaryBody, csrfFrom, loginAs, testApp, visibleText, type Agent } from '../helpers/http.ts';
import { pdfText } from './pdf-text.ts';

async function post(agent: Agent, page: string, action: string, fields: Record<string, string>) {
  const form = await agent.get(page);
  return agent
    .post(action)
    .type('form')
    .send({ ...fields, _csrf: csrfFrom(form.text) });
}

async function mette() {
  const ctx = await seededContext();
  const app = testApp(ctx);
  const agent = request.agent(app);
  await loginAs(agent, ctx, 'mette.hansen', 'Hest2024');
  await agent.get('/?lang=en&screens=full');
  return { ctx, app, agent, citizen: ctx.citizens.findByIdentifier('mette.hansen')! };
}

/** Downloads the written decision as a trainee does: asks for it, then follows to the PDF. */
async function attestation(agent: Agent, decisionUrl: string): Promise<{ status: number; type: string; pdf: Buffer }> {
  const asked = await post(agent, decisionUrl, `${decisionUrl}/attestation`, {});
  expect(asked.status).toBe(303);
  const response = await agent.get(asked.headers.location!).buffer(true).parse(binaryBody);
  return { status: response.status, type: response.headers['content-type'] ?? '', pdf: response.body as Buffer };
}

describe('exemption from Digital Post at Borgerservice', () => {
  it('grants the exemption at once, and the written decision is a PDF that says so and says TRAINING (R17, R18)', async () => {
    const { ctx, agent, citizen } = await mette();
    const decided = await post(agent, '/exemption/apply', '/exemption/apply', { reason: 'no-computer', idDocument: 'health-card' });
    expect(decided.status).toBe(303);
    const page = visibleText((await agent.get(decided.headers.location!)).text);
    expect(page).toContain('Your application for exemption from Digital Post is granted.');
    expect(ctx.mailbox.mailboxOf(citizen.id).exempt).toBe(true);

    const { status, type, pdf } = await attestation(agent, decided.headers.location!);
    expect(status).toBe(200);
    expect(type).toContain('application/pdf');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('Your application for exemption from Digital Post is granted.');
    expect(text).toContain('TRAINING');
    expect(text).toContain(citizen.name);
    expect(ctx.events.list({ citizenId: citizen.id }).some((event) => event.type === 'attestation-requested' && event.rule === 'R18')).toBe(
      true,
    );

    const home = visibleText((await agent.get('/exemption')).text);
    expect(home).toContain('has been exempt from Digital Post since');
    expect(home).toContain('SU-styrelsen');
  });

  it('rejects without valid ID with the reason, in writing too, and lets the trainee correct the application (R18)', async () => {
    const { agent } = await mette();
    const decided = await post(agent, '/exemption/apply', '/exemption/apply', { reason: 'homeless', idDocument: 'other' });
    const url = decided.headers.location!;
    const page = visibleText((await agent.get(url)).text);
    expect(page).toContain('Your application for exemption from Digital Post is rejected.');
    expect(page).toContain('You did not show valid ID.');

    const { pdf } = await attestation(agent, url);
    const text = pdfText(pdf);
    expect(text).toContain('Your application for exemption from Digital Post is rejected.');
    expect(text).toContain('You did not show valid ID.');

    const correcting = await agent.get(`/exemption/apply?correct=${url.split('/').pop()}`);
    expect(visibleText(correcting.text)).toContain('You are correcting your rejected application.');
    expect(correcting.text).toMatch(/value="homeless" checked/);
    const corrected = await post(agent, '/exemption/apply', '/exemption/apply', {
      reason: 'homeless',
      idDocument: 'passport',
      corrects: url.split('/').pop()!,
    });
    expect(visibleText((await agent.get(corrected.headers.location!)).text)).toContain('is granted');
  });

  it('writes the decision in Danish by default', async () => {
    const { agent } = await mette();
    await agent.get('/?lang=da');
    const decided = await post(agent, '/exemption/apply', '/exemption/apply', { reason: 'language', idDocument: 'passport' });
    const { pdf } = await attestation(agent, decided.headers.location!);
    const text = pdfText(pdf);
    expect(text).toContain('Din ansøgning om fritagelse for Digital Post er bevilget.');
    expect(text).toContain('ØVELSE');
  });

  it('shows a decision and its PDF to nobody but its owner, and no PDF before it was asked for', async () => {
    const { ctx, app, agent } = await mette();
    const decided = await post(agent, '/exemption/apply', '/exemption/apply', { reason: 'language', idDocument: 'passport' });
    const url = decided.headers.location!;
    expect((await agent.get(`${url}/attestation.pdf`)).status).toBe(404);
    const other = request.agent(app);
    await loginAs(other, ctx, 'ahmed.karimi', 'Bog7531x');
    for (const agentOf of [other, request.agent(app)]) {
      expect((await agentOf.get(url)).status).toBe(404);
      expect((await agentOf.get(`${url}/attestation.pdf`)).status).toBe(404);
    }
  });

  it('asks again, naming the field, when the form is incomplete, and changes nothing', async () => {
    const { ctx, agent, citizen } = await mette();
    const response = await post(agent, '/exemption/apply', '/exemption/apply', { reason: 'other', otherReason: '', idDocument: '' });
    expect(response.status).toBe(400);
    const text = visibleText(response.text);
    expect(text).toContain('Write your own reason, or choose one of the six reasons.');
    expect(text).toContain('Choose which ID you show.');
    expect(ctx.exemption.status(citizen).decisions).toEqual([]);
  });

  it('ends only on application with valid ID, and contacting SU-styrelsen stops its digital letters (R20, R21)', async () => {
    const { ctx, agent, citizen } = await mette();
    await post(agent, '/exemption/apply', '/exemption/apply', { reason: 'language', idDocument: 'passport' });
    const contacted = await post(agent, '/exemption', '/exemption/contact', { sender: 'su-styrelsen' });
    expect(visibleText((await agent.get(contacted.headers.location!)).text)).toContain(
      'From now on SU-styrelsen sends you letters on paper.',
    );
    const su = ctx.mailbox.deliver(citizen.id, { sender: 'su-styrelsen', subject: 'SU', body: 'x' });
    expect(ctx.mailbox.arrivedLetters(citizen.id).find((letter) => letter.id === su)!.channel).toBe('paper');

    const refused = await post(agent, '/exemption/end', '/exemption/end', { idDocument: 'none' });
    expect(refused.status).toBe(422);
    expect(visibleText(refused.text)).toContain('The case worker must see valid ID');
    const ended = await post(agent, '/exemption/end', '/exemption/end', { idDocument: 'passport' });
    expect(visibleText((await agent.get(ended.headers.location!)).text)).toContain('Your exemption has ended.');
    expect(ctx.mailbox.mailboxOf(citizen.id).exempt).toBe(false);
  });

  it('explains what the exemption is to someone the sandbox does not know, and prints the paper form', async () => {
    const { app } = await mette();
    const home = visibleText((await request(app).get('/exemption?lang=en&screens=full')).text);
    expect(home).toContain('One of six reasons is enough');
    expect(home).toContain('Log in with NemID');
    const form = visibleText((await request(app).get('/exemption/form?lang=en&screens=full')).text);
    expect(form).toContain('Application for exemption from Digital Post');
    expect(form).toContain('I am homeless');
    expect(form).toContain('Signature');
  });
});
