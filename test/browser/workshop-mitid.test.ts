import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../server/context.ts';
import { launchBrowser, newPerson, noViolations, seeHeading, seeText, serve } from '../helpers/browser.ts';
import { testContext } from '../helpers/context.ts';
import { addFacilitator, facilitatorAtWorkshop, nemidAttackNames, startsAfter } from '../helpers/workshop-browser.ts';

let browser: Browser;
let ctx: Context;
let app: Awaited<ReturnType<typeof serve>>;
let teacherId: number;

beforeAll(async () => {
  ctx = testContext();
  await ctx.scenarios.load('mitid-workshop', { actor: 'system' });
  teacherId = await addFacilitator(ctx);
  app = await serve(ctx);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const texts = {
  da: {
    userId: 'Bruger-id',
    open: 'Åbn anmodningen',
    approve: 'Godkend',
    confirm: 'Bekræft godkendelse',
    reject: 'Afvis',
    inbox: 'Indbakke',
    app: 'Min MitID app (1 venter)',
    request: 'Åbn anmodningen fra Din netbank',
    asks: 'Din netbank beder dig godkende med MitID.',
  },
  en: {
    userId: 'User ID',
    open: 'Open the request',
    approve: 'Approve',
    confirm: 'Confirm approval',
    reject: 'Reject',
    inbox: 'Inbox',
    app: 'My MitID app (1 waiting)',
    request: 'Open the request from Your online bank',
    asks: 'Your online bank asks you to approve with MitID.',
  },
};

/** A participant in their own browser, logged in to Digital Post with the MitID app beside the page. */
async function participant(userId: string, lang: 'da' | 'en'): Promise<Page> {
  const t = texts[lang];
  const page = await (await newPerson(browser, app.url)).newPage();
  await page.goto(`/login/mitid?service=post&lang=${lang}&screens=full`);
  await page.getByLabel(t.userId, { exact: true }).fill(userId);
  await page.getByLabel(t.userId, { exact: true }).press('Enter');
  await page.getByRole('link', { name: t.open, exact: true }).click();
  await page.getByRole('link', { name: t.approve, exact: true }).click();
  await page.getByRole('button', { name: t.confirm, exact: true }).click();
  await seeHeading(page, t.inbox);
  return page;
}

/** From the header of any page to the request waiting in "My MitID app", as the participant reads it. */
async function openWaitingRequest(page: Page, lang: 'da' | 'en'): Promise<void> {
  const t = texts[lang];
  await page.getByRole('link', { name: t.app }).click();
  await seeText(page, t.asks);
  await noViolations(page);
  await page.getByRole('link', { name: t.request }).click();
  await noViolations(page);
}

describe('the MitID attacks of the security workshop in the browser', () => {
  it(
    'a facilitator stages an approval the participants did not start: one rejects, one approves, and the debrief counts them',
    { timeout: 180_000 },
    async () => {
      const facilitator = await facilitatorAtWorkshop(browser, app.url, 'MITWS');
      // Only the MitID attack in this workshop: the suggested NemID attacks are cleared.
      for (const name of nemidAttackNames) await startsAfter(facilitator, name).fill('');
      await startsAfter(facilitator, 'An approval request the participant did not start (push fatigue)').fill('0');
      await facilitator.getByRole('button', { name: 'Start the workshop' }).click();
      await seeHeading(facilitator, 'Workshop 1 – MitID-workshop');
      const workshopPath = new URL(facilitator.url()).pathname;

      const aksel = await participant('aksel.mitid', 'da');
      const bodil = await participant('bodil.mitid', 'en');

      // Aksel is logging on nowhere: the request from the bank is not his, so he rejects it.
      await openWaitingRequest(aksel, 'da');
      await seeText(aksel, 'Læs teksten. Godkend kun, hvis det er dig, der er i gang med at logge på.');
      await aksel.getByRole('button', { name: texts.da.reject, exact: true }).click();
      await seeText(aksel, 'Du afviste anmodningen.');

      // Bodil swipes (by keyboard: Approve, then Confirm approval): the attacker is in.
      await openWaitingRequest(bodil, 'en');
      await bodil.getByRole('link', { name: texts.en.approve, exact: true }).click();
      await seeText(bodil, 'You approve logging on to Your online bank.');
      await noViolations(bodil);
      await bodil.getByRole('button', { name: texts.en.confirm, exact: true }).click();
      await seeText(bodil, 'You approved the request.');
      await noViolations(bodil);

      await facilitator.goto(`${workshopPath}/debrief`);
      await facilitator.getByRole('heading', { name: 'MitID: who approved and who rejected', level: 2 }).waitFor();
      const row = facilitator.getByRole('row', { name: /MitID request not started/ });
      expect(await row.getByRole('cell').allTextContents()).toEqual(['3', '1', '1', '1', 'M10: approve only what you started yourself']);
      await seeText(facilitator, 'Approved the request: the attacker is logged on to Your online bank');
      await noViolations(facilitator);

      // The attacker holds Bodil's approval, but cannot use it twice.
      await facilitator.goto(`${workshopPath}/attacker`);
      await noViolations(facilitator);
      await facilitator.getByRole('button', { name: "Use Bodil Fiktiv Krogh's approval again" }).click();
      await seeText(facilitator, /refused\. A MitID request is decided once/);
      await noViolations(facilitator);
    },
  );

  it('the MitID caller and the MitID look-alike, in Danish, with no axe violations', { timeout: 120_000 }, async () => {
    ctx.workshop.workshops.start(ctx.classes.findByCode('MITWS')!, teacherId, [
      { kind: 'mitid-call', minutes: 0 },
      { kind: 'mitid-letter', minutes: 0 },
    ]);
    const carsten = await participant('carsten.mitid', 'da');
    await carsten.getByRole('button', { name: 'Tag den' }).first().click();
    await seeText(carsten, 'Godkend bare den anmodning, jeg har sendt dig, så er din konto sikker.');
    await noViolations(carsten);
    await carsten.getByRole('button', { name: 'Læg på' }).click();
    await seeText(carsten, '(Du lagde på.)');

    await carsten.goto('/post');
    await carsten.getByRole('link', { name: 'Dit MitID skal bekræftes' }).first().click();
    await carsten.getByRole('link', { name: 'Bekræft mit MitID' }).click();
    await seeHeading(carsten, 'Bekræft dit MitID');
    await noViolations(carsten);
    await carsten.getByLabel('MitID bruger-id').fill('nogen.andens');
    await carsten.getByRole('button', { name: 'Fortsæt' }).click();
    await seeText(carsten, "Bruger-id'et blev ikke genkendt. Tjek det, og prøv igen.");
    await noViolations(carsten);
    await carsten.getByLabel('MitID bruger-id').fill('carsten.mitid');
    await carsten.getByRole('button', { name: 'Fortsæt' }).click();
    await seeHeading(carsten, 'Godkend i din MitID app');
    await noViolations(carsten);
    await carsten.getByRole('link', { name: 'Åbn min MitID app' }).click();
    await seeText(carsten, 'Digital Post beder dig godkende med MitID.');
  });
});
