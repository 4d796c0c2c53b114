import type { Browser, Page } from 'playwright-core';
import { hashPassword } from '../../server/common/passwords.ts';
import type { Context } from '../../server/context.ts';
import { newPerson, noViolations, seeHeading } from './browser.ts';

const facilitatorLogin = { username: 'facilitator', password: 'facilitator-password' };

/** The staged NemID attacks of the workshop page, by the names their fields are labelled with. */
export const nemidAttackNames = [
  'Tax refund letter with a look-alike login',
  '"Your NemID is locked" letter with a 24-hour deadline',
  'A "support" call asking for the password and a code',
  'Letter asking for a photo of the key card',
];

/** Adds the teacher account the facilitator signs in with; returns its id. */
export async function addFacilitator(ctx: Context): Promise<number> {
  return ctx.teachers.insert(facilitatorLogin.username, await hashPassword(facilitatorLogin.password), Date.now());
}

/**
 * The facilitator in their own browser: signs in on the teacher login form (in English),
 * opens the security workshop page (checked with axe) and chooses the class.
 */
export async function facilitatorAtWorkshop(browser: Browser, baseURL: string, classCode: string): Promise<Page> {
  const facilitator = await (await newPerson(browser, baseURL)).newPage();
  await facilitator.goto('/teacher/login?lang=en&screens=full');
  await facilitator.getByLabel('Username').fill(facilitatorLogin.username);
  await facilitator.getByLabel('Password').fill(facilitatorLogin.password);
  await facilitator.getByRole('button', { name: 'Log in' }).click();
  await facilitator.goto('/workshop');
  await seeHeading(facilitator, 'Security workshop');
  await noViolations(facilitator);
  await facilitator.getByLabel('Class').selectOption(classCode);
  return facilitator;
}

/** The "starts after (minutes)" field of a staged attack on the workshop page; empty leaves the attack out. */
export function startsAfter(page: Page, attackName: string) {
  return page.getByLabel(`${attackName}: starts after (minutes)`);
}
