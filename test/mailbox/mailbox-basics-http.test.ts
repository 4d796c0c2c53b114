import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../server/context.ts';
import { FakeTime, seededContext } from '../helpers/context.ts';
import { loginAs, submitForm, testApp, visibleText } from '../helpers/http.ts';

async function mette() {
  const ctx = await seededContext({ time: new FakeTime() });
  const agent = request.agent(testApp(ctx));
  await loginAs(agent, ctx, 'mette.hansen', 'Hest2024', 'post');
  return { ctx, agent, citizen: ctx.citizens.findByIdentifier('mette.hansen')! };
}

const letterOf = (ctx: Context, citizenId: number, kind: string) =>
  ctx.mailbox.arrivedLetters(citizenId).find((letter) => letter.kind === kind)!;

/** The row of a letter list that links to this letter. */
function rowOf(html: string, letterId: number): string {
  return (
    [...html.matchAll(/<tr[\s\S]*?<\/tr>/g)].map((match) => match[0]).find((row) => row.includes(`href="/post/letters/${letterId}"`)) ?? ''
  );
}

describe('searching the mailbox', () => {
  it('says where else the search matches, with a link to each folder and box', async () => {
    const { ctx, agent, citizen } = await mette();
    const folder = ctx.post.inbox.createFolder(citizen.id, 'Bolig') as { folderId: number };
    const contract = letterOf(ctx, citizen.id, 'signature-request');
    ctx.post.inbox.move(citizen.id, contract.id, folder.folderId);
    const inbox = await agent.get('/post?q=lejekontrakt&lang=en&screens=full');
    const text = visibleText(inbox.text);
    expect(text).toContain('No letter matches your search.');
    expect(text).toContain('Also found in: Folder: Bolig: 1 letter');
    expect(inbox.text).toContain(`href="/post/folders/${folder.folderId}?q=lejekontrakt"`);
    const inFolder = await agent.get(`/post/folders/${folder.folderId}?q=lejekontrakt`);
    expect(rowOf(inFolder.text, contract.id)).not.toBe('');
    expect(visibleText(inFolder.text)).not.toContain('Also found in');

    const tax = letterOf(ctx, citizen.id, 'tax-assessment');
    ctx.post.inbox.trash(citizen.id, tax.id);
    const fromFolder = visibleText((await agent.get(`/post/folders/${folder.folderId}?q=%C3%A5rsopg%C3%B8relse`)).text);
    expect(fromFolder).toContain('Also found in: Deleted letters: 1 letter');
  });
});

describe('the paperclip in the letter lists', () => {
  it('marks a letter with attachments with an icon and the words "has an attachment", and no other letter', async () => {
    const { ctx, agent, citizen } = await mette();
    const page = await agent.get('/post?lang=en&screens=full');
    const tax = letterOf(ctx, citizen.id, 'tax-assessment');
    expect(ctx.post.inbox.attachmentsOf(tax.id)).toHaveLength(1);
    expect(rowOf(page.text, tax.id)).toMatch(/<span class="clip" data-testid="paperclip"><svg[^>]*aria-hidden="true"/);
    expect(visibleText(rowOf(page.text, tax.id))).toContain('Has an attachment');
    const without = ctx.mailbox
      .arrivedLetters(citizen.id)
      .filter((letter) => letter.direction === 'in' && ctx.post.inbox.attachmentsOf(letter.id).length === 0);
    expect(without.length).toBeGreaterThan(0);
    for (const letter of without) expect(rowOf(page.text, letter.id)).not.toContain('paperclip');
    expect(visibleText((await agent.get('/post?lang=da')).text)).toContain('Har vedhæftning');
  });
});

describe('deleting a folder', () => {
  it('asks first, says the letters go back to the inbox, then deletes only the folder', async () => {
    const { ctx, agent, citizen } = await mette();
    const folder = ctx.post.inbox.createFolder(citizen.id, 'Bolig') as { folderId: number };
    const contract = letterOf(ctx, citizen.id, 'signature-request');
    ctx.post.inbox.move(citizen.id, contract.id, folder.folderId);
    const folders = await agent.get('/post/folders?lang=en&screens=full');
    expect(folders.text).toContain(`<a href="/post/folders/${folder.folderId}/delete">Delete the folder “Bolig”</a>`);
    const confirm = await agent.get(`/post/folders/${folder.folderId}/delete`);
    expect(confirm.status).toBe(200);
    const text = visibleText(confirm.text);
    expect(text).toContain('Do you want to delete the folder “Bolig”?');
    expect(text).toContain('The folder “Bolig” holds 1 letter. It is not deleted: it goes back to the inbox');
    expect(confirm.text).toContain('<button type="submit" class="button warning">Yes, delete the folder</button>');
    expect(ctx.post.inbox.folders(citizen.id)).toHaveLength(1);

    const deleted = await submitForm(agent, `/post/folders/${folder.folderId}/delete`, `/post/folders/${folder.folderId}/delete`, {});
    expect(deleted.headers.location).toBe('/post/folders?done=folderDeleted');
    expect(visibleText((await agent.get('/post/folders?done=folderDeleted')).text)).toContain(
      'The folder has been deleted. Its letters are back in the inbox.',
    );
    expect(ctx.post.inbox.folders(citizen.id)).toEqual([]);
    expect(rowOf((await agent.get('/post')).text, contract.id)).not.toBe('');
    expect(ctx.events.list({ citizenId: citizen.id }).at(-1)).toMatchObject({
      type: 'folder-deleted',
      rule: 'R12',
      data: { name: 'Bolig', letters: 1 },
    });
    expect((await agent.get(`/post/folders/${folder.folderId}/delete`)).status).toBe(404);
  });

  it("cannot delete the inbox, Sent or the trash, nor another trainee's folder", async () => {
    const { ctx, agent } = await mette();
    const ahmed = ctx.citizens.findByIdentifier('ahmed.karimi')!;
    const his = ctx.post.inbox.createFolder(ahmed.id, 'Ahmeds') as { folderId: number };
    for (const id of ['inbox', 'sent', 'trash', String(his.folderId)]) {
      expect((await agent.get(`/post/folders/${id}/delete`)).status, id).toBe(404);
      expect((await submitForm(agent, '/post/folders', `/post/folders/${id}/delete`, {})).status, id).toBe(404);
    }
    expect(ctx.post.inbox.folders(ahmed.id).map((folder) => folder.name)).toEqual(['Ahmeds']);
  });
});

describe('emptying the trash', () => {
  it('asks first on a page of its own, saying how many letters go for good; only the button empties it', async () => {
    const { ctx, agent, citizen } = await mette();
    const trashPage = await agent.get('/post/trash?lang=en&screens=full');
    expect(trashPage.text).not.toContain('href="/post/trash/empty"');
    expect((await agent.get('/post/trash/empty')).headers.location).toBe('/post/trash');
    const insurance = ctx.mailbox.arrivedLetters(citizen.id).find((letter) => letter.senderKey === 'forsikring')!;
    ctx.post.inbox.trash(citizen.id, insurance.id);
    expect((await agent.get('/post/trash')).text).toContain('<a class="button secondary" href="/post/trash/empty">Empty the trash</a>');
    const confirm = await agent.get('/post/trash/empty');
    expect(confirm.status).toBe(200);
    const text = visibleText(confirm.text);
    expect(text).toContain('Do you want to empty the trash?');
    expect(text).toContain('1 letter in the trash will be deleted for good, with its attachments.');
    expect(text).toContain('This cannot be undone.');
    expect(confirm.text).toContain('<a href="/post/trash">No, go back</a>');
    expect(ctx.post.inbox.list(citizen.id, { box: 'trash' }).total).toBe(1);
    const emptied = await submitForm(agent, '/post/trash/empty', '/post/trash/empty', {});
    expect(emptied.headers.location).toBe('/post/trash?done=emptied');
    expect(ctx.post.inbox.list(citizen.id, { box: 'trash' }).total).toBe(0);
    expect(ctx.events.list({ citizenId: citizen.id }).at(-1)).toMatchObject({ type: 'trash-emptied', data: { removed: 1 } });
  });
});
