import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../server/context.ts';
import { FakeTime, codeForAskedKey, seededContext } from '../helpers/context.ts';
import { loginAs, submitForm, testApp, visibleText } from '../helpers/http.ts';

async function loggedIn(identifier: string, password: string, service = 'portal') {
  const ctx = await seededContext({ time: new FakeTime() });
  const agent = request.agent(testApp(ctx));
  await loginAs(agent, ctx, identifier, password, service);
  return { ctx, agent, citizen: ctx.citizens.findByIdentifier(identifier)! };
}

const letterOf = (ctx: Context, citizenId: number, kind: string) => ctx.mailbox.arrivedLetters(citizenId).find((l) => l.kind === kind)!;

describe("another trainee's ids in a URL", () => {
  it('answers 404 for every letter, attachment and folder page of someone else, and changes nothing', async () => {
    const { ctx, agent } = await loggedIn('ahmed.karimi', 'Bog7531x', 'post');
    const mette = ctx.citizens.findByIdentifier('mette.hansen')!;
    const tax = letterOf(ctx, mette.id, 'tax-assessment');
    const contract = letterOf(ctx, mette.id, 'signature-request');
    const attachment = ctx.post.inbox.attachmentsOf(tax.id)[0]!;
    const folder = ctx.post.inbox.createFolder(mette.id, 'Mettes mappe') as { folderId: number };
    for (const path of [
      `/post/letters/${tax.id}`,
      `/post/letters/${tax.id}/attachments/${attachment.id}`,
      `/post/letters/${tax.id}/answer`,
      `/post/letters/${tax.id}/forward`,
      `/post/folders/${folder.folderId}`,
      `/post/letters/${contract.id}/sign`,
      '/post/letters/abc',
      '/post/letters/999999',
    ]) {
      expect((await agent.get(path)).status, path).toBe(404);
    }
    for (const [form, action, fields] of [
      ['/post/folders', `/post/letters/${tax.id}/delete`, {}],
      ['/post/folders', `/post/letters/${tax.id}/move`, { folder: 'inbox' }],
      ['/post/folders', `/post/letters/${tax.id}/forward`, { to: 'x@example.dk' }],
      ['/post/folders', `/post/folders/${folder.folderId}/rename`, { [`name-${folder.folderId}`]: 'Min' }],
      ['/post/folders', `/post/letters/${contract.id}/sign`, { password: 'Bog7531x' }],
    ] as const) {
      expect((await submitForm(agent, form, action, fields)).status, action).toBe(404);
    }
    const after = ctx.mailbox.arrivedLetters(mette.id).find((l) => l.id === tax.id)!;
    expect(after).toMatchObject({ readAt: null, trashedAt: null, folderId: null });
    expect(ctx.post.inbox.folders(mette.id).map((f) => f.name)).toEqual(['Mettes mappe']);
    expect(ctx.post.inbox.list(mette.id, { box: 'sent' }).total).toBe(0);
  });
});

describe('one NemID login for several services (R2, R11)', () => {
  it('sends each service to the same login and keeps one session for all of them', async () => {
    const ctx = await seededContext();
    const anonymous = request(testApp(ctx));
    for (const [path, service] of [
      ['/borger', 'portal'],
      ['/skat', 'tax'],
      ['/bank', 'bank'],
      ['/post', 'post'],
    ]) {
      expect((await anonymous.get(path!)).headers.location).toBe(`/login?service=${service}`);
    }
    const agent = request.agent(testApp(ctx));
    await loginAs(agent, ctx, 'mette.hansen', 'Hest2024', 'tax');
    const portal = visibleText((await agent.get('/borger')).text);
    expect(portal).toContain('Din borgerportal');
    expect(portal).toContain('3 ulæste breve.');
    expect((await agent.get('/skat')).status).toBe(200);
    expect((await agent.get('/bank')).status).toBe(200);
    expect((await agent.get('/post')).status).toBe(200);
  });

  it('answers the tax assessment in the tax folder and clearly refuses an empty answer', async () => {
    const { agent } = await loggedIn('mette.hansen', 'Hest2024', 'tax');
    const page = visibleText((await agent.get('/skat?lang=en&screens=full')).text);
    expect(page).toContain('Tax assessment for 2025');
    expect(page).toContain('You get back 1,750.00 kr.');
    const empty = await submitForm(agent, '/skat', '/skat/answer', { extraDeductions: '', comment: '' });
    expect(empty.status).toBe(400);
    expect(visibleText(empty.text)).toContain('Write an extra deduction or a comment.');
    const sent = await submitForm(agent, '/skat', '/skat/answer', { extraDeductions: '4500', comment: 'Transport' });
    expect(sent.headers.location).toBe('/skat?done=answered');
    expect(visibleText((await agent.get('/post')).text)).toContain('Receipt: your answer to the tax assessment 2025');
  });
});

describe('a bank transfer confirmed with a key code', () => {
  it('asks a key from the card, refuses a wrong code, and transfers with the right one', async () => {
    const { ctx, agent, citizen } = await loggedIn('mette.hansen', 'Hest2024', 'bank');
    const invalid = await submitForm(agent, '/bank', '/bank/transfer', { toAccount: '12', amount: '-3', text: '' });
    expect(invalid.status).toBe(400);
    expect(visibleText(invalid.text)).toContain('Skriv registreringsnummeret (4 cifre) og kontonummeret (6-10 cifre).');
    const balance = ctx.post.bank.overview(citizen).balanceOre;

    const started = await submitForm(agent, '/bank', '/bank/transfer', { toAccount: '1234 5678901234', amount: '250,00', text: 'Husleje' });
    expect(started.headers.location).toBe('/bank/transfer/confirm');
    const confirm = await agent.get('/bank/transfer/confirm');
    const { key, code } = codeForAskedKey(ctx, 'mette.hansen');
    expect(confirm.text).toContain(`data-testid="key-number">${key}<`);
    const wrong = await submitForm(agent, '/bank/transfer/confirm', '/bank/transfer/confirm', {
      code: code === '123456' ? '654321' : '123456',
    });
    expect(wrong.status).toBe(401);
    expect(ctx.post.bank.overview(citizen).balanceOre).toBe(balance);

    const ok = await submitForm(agent, '/bank/transfer/confirm', '/bank/transfer/confirm', { code });
    expect(ok.headers.location).toBe('/bank?done=transferred');
    expect(ctx.post.bank.overview(citizen).balanceOre).toBe(balance - 25_000);
    expect((await agent.get('/bank/transfer/confirm')).status).toBe(409);
  });
});

describe('signing the rental contract (R3)', () => {
  it('signs with password and key code, then shows who signed and when, and a tampered document is rejected', async () => {
    const { ctx, agent, citizen } = await loggedIn('mette.hansen', 'Hest2024', 'post');
    const contract = letterOf(ctx, citizen.id, 'signature-request');
    expect((await agent.get('/post/sign/key')).status).toBe(409);
    const wrong = await submitForm(agent, `/post/letters/${contract.id}/sign`, `/post/letters/${contract.id}/sign`, {
      password: 'Forkert123',
    });
    expect(wrong.status).toBe(401);
    expect(visibleText(wrong.text)).toContain('Adgangskoden er forkert.');
    const right = await submitForm(agent, `/post/letters/${contract.id}/sign`, `/post/letters/${contract.id}/sign`, {
      password: 'Hest2024',
    });
    expect(right.headers.location).toBe('/post/sign/key');
    const { code } = codeForAskedKey(ctx, 'mette.hansen');
    const signed = await submitForm(agent, '/post/sign/key', '/post/sign/key', { code });
    expect(signed.headers.location).toBe(`/post/letters/${contract.id}?done=signed`);
    const page = visibleText((await agent.get(`/post/letters/${contract.id}`)).text);
    expect(page).toContain('Underskrevet med NemID af Mette Fiktiv Hansen');
    expect(page).toContain('Signaturen er kontrolleret: gyldig.');

    ctx.db.prepare('UPDATE letters SET body = ? WHERE id = ?').run(JSON.stringify({ da: 'Husleje 12.000 kr.' }), contract.id);
    const tampered = visibleText((await agent.get(`/post/letters/${contract.id}`)).text);
    expect(tampered).toContain('Signaturen er kontrolleret: IKKE gyldig');
    expect(tampered).toContain('Dokumentet er ændret, efter det blev underskrevet.');
  });
});

describe('the mailbox pages', () => {
  it('creates and renames a folder, moves a letter there, deletes one and empties the trash', async () => {
    const { ctx, agent, citizen } = await loggedIn('mette.hansen', 'Hest2024', 'post');
    expect(visibleText((await submitForm(agent, '/post/folders', '/post/folders', { name: '' })).text)).toContain(
      'Skriv et navn til mappen.',
    );
    expect((await submitForm(agent, '/post/folders', '/post/folders', { name: 'Bolig' })).headers.location).toBe(
      '/post/folders?done=created',
    );
    const folder = ctx.post.inbox.folders(citizen.id)[0]!;
    await submitForm(agent, '/post/folders', `/post/folders/${folder.id}/rename`, { [`name-${folder.id}`]: 'Lejlighed' });
    const contract = letterOf(ctx, citizen.id, 'signature-request');
    expect(
      (await submitForm(agent, `/post/letters/${contract.id}`, `/post/letters/${contract.id}/move`, { folder: String(folder.id) })).status,
    ).toBe(303);
    expect(visibleText((await agent.get(`/post/folders/${folder.id}`)).text)).toContain('Mappe: Lejlighed');
    expect(visibleText((await agent.get(`/post/folders/${folder.id}`)).text)).toContain('Lejekontrakt til underskrift');
    const insurance = ctx.mailbox.arrivedLetters(citizen.id).find((l) => l.senderKey === 'forsikring')!;
    expect((await submitForm(agent, `/post/letters/${insurance.id}`, `/post/letters/${insurance.id}/delete`, {})).headers.location).toBe(
      '/post?done=deleted',
    );
    expect(visibleText((await agent.get('/post/trash')).text)).toContain('Din indboforsikring er fornyet');
    await submitForm(agent, '/post/trash/empty', '/post/trash/empty', {});
    expect(visibleText((await agent.get('/post/trash')).text)).toContain('Der er ingen breve her.');
  });

  it('forwards by e-mail with a clear error for a bad address, and saves the notification settings', async () => {
    const { ctx, agent, citizen } = await loggedIn('mette.hansen', 'Hest2024', 'post');
    const tax = letterOf(ctx, citizen.id, 'tax-assessment');
    const bad = await submitForm(agent, `/post/letters/${tax.id}/forward`, `/post/letters/${tax.id}/forward`, { to: 'revisor@' });
    expect(bad.status).toBe(400);
    expect(visibleText(bad.text)).toContain('Det er ikke en e-mailadresse.');
    const good = await submitForm(agent, `/post/letters/${tax.id}/forward`, `/post/letters/${tax.id}/forward`, {
      to: 'revisor@example.dk',
    });
    expect(good.headers.location).toBe(`/post/letters/${tax.id}?done=forwarded`);
    const badPhone = await submitForm(agent, '/post/notifications', '/post/notifications', { notifySms: 'on', phone: '12' });
    expect(visibleText(badPhone.text)).toContain('Et mobilnummer har 8 cifre');
    await submitForm(agent, '/post/notifications', '/post/notifications', {
      notifyEmail: 'on',
      email: 'mette@example.dk',
      notifySms: 'on',
      phone: '12 34 56 78',
    });
    expect(ctx.mailbox.mailboxOf(citizen.id)).toMatchObject({
      notifyEmail: true,
      email: 'mette@example.dk',
      notifySms: true,
      phone: '12 34 56 78',
    });
    const log = visibleText((await agent.get('/post/notifications')).text);
    expect(log).toContain('Du har fået et nyt brev fra Skattestyrelsen i Digital Post');
  });
});
