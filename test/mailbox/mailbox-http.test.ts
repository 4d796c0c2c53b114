import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../server/context.ts';
import { FakeTime, hours, seededContext } from '../helpers/context.ts';
import { csrfFrom, loginAs, submitForm, testApp, visibleText } from '../helpers/http.ts';

async function mette(time = new FakeTime()) {
  const ctx = await seededContext({ time });
  const agent = request.agent(testApp(ctx));
  await loginAs(agent, ctx, 'mette.hansen', 'Hest2024', 'post');
  const citizen = ctx.citizens.findByIdentifier('mette.hansen')!;
  return { ctx, agent, citizen, time };
}

function letterIdBySubject(ctx: Context, citizenId: number, subject: string): number {
  return ctx.mailbox.arrivedLetters(citizenId).find((letter) => letter.subject.da === subject)!.id;
}

describe('the mailbox at /post', () => {
  it('asks for the NemID login with service=post first', async () => {
    const ctx = await seededContext();
    const response = await request(testApp(ctx)).get('/post');
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/login?service=post');
  });

  it('shows the inbox as front page with the unread letters marked and counted', async () => {
    const { agent } = await mette();
    const page = await agent.get('/post');
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain('Du har 3 ulæste breve.');
    expect(text).toContain('Din årsopgørelse for 2025 er klar');
    expect(page.text.match(/class="unread"/g)).toHaveLength(3);
    expect(text).not.toContain('Boligstøtte');
  });

  it('marks a letter read when it is opened and records when', async () => {
    const { ctx, agent, citizen } = await mette();
    const id = letterIdBySubject(ctx, citizen.id, 'Din årsopgørelse for 2025 er klar');
    const page = await agent.get(`/post/letters/${id}`);
    expect(visibleText(page.text)).toContain('Kære borger');
    expect(ctx.mailbox.arrivedLetters(citizen.id).find((l) => l.id === id)!.readAt).toBe(ctx.clock.now(citizen.classId));
    expect(ctx.events.list({ citizenId: citizen.id }).at(-1)).toMatchObject({ type: 'letter-read', rule: 'R10' });
    expect(visibleText((await agent.get('/post')).text)).toContain('Du har 2 ulæste breve.');
  });

  it('serves the tax assessment as a PDF, inline or as a download', async () => {
    const { ctx, agent, citizen } = await mette();
    const id = letterIdBySubject(ctx, citizen.id, 'Din årsopgørelse for 2025 er klar');
    const page = await agent.get(`/post/letters/${id}`);
    const href = /href="(\/post\/letters\/\d+\/attachments\/\d+)"/.exec(page.text)![1]!;
    const pdf = await agent.get(href).buffer(true);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe('inline; filename="aarsopgoerelse-2025.pdf"');
    expect(Buffer.from(pdf.body).subarray(0, 5).toString()).toBe('%PDF-');
    const download = await agent.get(`${href}?download=1`);
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
  });

  it('shows Answer only on letters that may be answered', async () => {
    const { ctx, agent, citizen } = await mette();
    const answerable = letterIdBySubject(ctx, citizen.id, 'Din årsopgørelse for 2025 er klar');
    const notAnswerable = letterIdBySubject(ctx, citizen.id, 'Din indboforsikring er fornyet');
    expect((await agent.get(`/post/letters/${answerable}`)).text).toContain(`/post/letters/${answerable}/answer`);
    expect((await agent.get(`/post/letters/${notAnswerable}`)).text).not.toContain('/answer"');
    expect((await agent.get(`/post/letters/${notAnswerable}/answer`)).status).toBe(404);
  });

  it('answers a letter (multipart with CSRF) and keeps the answer in Sent; the sender confirms later', async () => {
    const { ctx, agent, citizen } = await mette();
    const id = letterIdBySubject(ctx, citizen.id, 'Din årsopgørelse for 2025 er klar');
    const form = await agent.get(`/post/letters/${id}/answer`);
    const sent = await agent
      .post(`/post/letters/${id}/answer`)
      .field('_csrf', csrfFrom(form.text))
      .field('body', 'Jeg mangler befordringsfradrag.')
      .attach('attachments', Buffer.from('%PDF-1.4 test'), { filename: 'kørsel.pdf', contentType: 'application/pdf' });
    expect(sent.status).toBe(303);
    expect(sent.headers.location).toBe('/post/sent?done=answered');
    const list = visibleText((await agent.get('/post/sent')).text);
    expect(list).toContain('Svar: Din årsopgørelse for 2025 er klar');
    expect(list).toContain('Skattestyrelsen');
    expect(visibleText((await agent.get('/post')).text)).not.toContain('Vi har modtaget din henvendelse');
    ctx.clock.advance(citizen.classId, hours(1));
    expect(visibleText((await agent.get('/post')).text)).toContain('Vi har modtaget din henvendelse');
  });

  it('refuses a multipart form without its CSRF token', async () => {
    const { ctx, agent, citizen } = await mette();
    const id = letterIdBySubject(ctx, citizen.id, 'Din årsopgørelse for 2025 er klar');
    const response = await agent.post(`/post/letters/${id}/answer`).field('body', 'Hej');
    expect(response.status).toBe(403);
    expect(ctx.mailbox.arrivedLetters(citizen.id).some((l) => l.direction === 'out')).toBe(false);
  });

  it('writes to an authority with an attachment, and refuses a file too large or of the wrong type', async () => {
    const { ctx, agent, citizen } = await mette();
    const form = await agent.get('/post/write');
    const token = csrfFrom(form.text);
    const tooLarge = await agent
      .post('/post/write')
      .field('_csrf', token)
      .field('to', 'kommune')
      .field('subject', 'Flytning')
      .field('body', 'Jeg flytter.')
      .attach('attachments', Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(2 * 1024 * 1024)]), 'stor.pdf');
    expect(tooLarge.status).toBe(400);
    expect(visibleText(tooLarge.text)).toContain('En fil er for stor. Hvert bilag må højst være 2 MB. Intet er sendt.');
    expect(tooLarge.text).toContain('value="Flytning"');
    const wrongType = await agent
      .post('/post/write')
      .field('_csrf', token)
      .field('to', 'kommune')
      .field('subject', 'Flytning')
      .field('body', 'Jeg flytter.')
      .attach('attachments', Buffer.from('MZ not a document'), 'virus.pdf');
    expect(visibleText(wrongType.text)).toContain('En fil er ikke en PDF-, PNG- eller JPEG-fil.');
    expect(ctx.mailbox.arrivedLetters(citizen.id).some((l) => l.direction === 'out')).toBe(false);

    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const ok = await agent
      .post('/post/write')
      .field('_csrf', token)
      .field('to', 'kommune')
      .field('subject', 'Flytning')
      .field('body', 'Jeg flytter.')
      .attach('attachments', png, 'kvittering.png');
    expect(ok.headers.location).toBe('/post/sent?done=written');
    const sent = ctx.mailbox.arrivedLetters(citizen.id).find((l) => l.direction === 'out')!;
    expect(sent).toMatchObject({ recipient: 'Fiktiv Kommune, Borgerservice', subject: { da: 'Flytning' } });
    const letterPage = await agent.get(`/post/letters/${sent.id}`);
    const href = /href="(\/post\/letters\/\d+\/attachments\/\d+)"/.exec(letterPage.text)![1]!;
    const file = await agent.get(href).buffer(true);
    expect(file.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(Buffer.from(file.body), png)).toBe(0);
  });

  it('needs an authority from the list, a subject and a message', async () => {
    const { agent } = await mette();
    const response = await submitForm(agent, '/post/write', '/post/write', { to: 'udlejer', subject: '', body: '' });
    expect(response.status).toBe(400);
    const text = visibleText(response.text);
    expect(text).toContain('Vælg den myndighed, du skriver til.');
    expect(text).toContain('Skriv et emne.');
    expect(text).toContain('Skriv din besked.');
  });
});
