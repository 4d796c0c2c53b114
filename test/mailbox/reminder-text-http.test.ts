import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { formatDanishDate } from '../../server/common/danish-time.ts';
import { hours, seededContext } from '../helpers/context.ts';
import { loginAs, testApp, visibleText } from '../helpers/http.ts';

const days = (n: number) => hours(24 * n);

describe('a reminder sent after the deadline (issue 18 item 6)', () => {
  it('has its own text with the new deadline as a date, never "senest om 14 dage", in Danish, English and German', async () => {
    const ctx = await seededContext();
    const mette = ctx.citizens.findByIdentifier('mette.hansen')!;
    const letter = ctx.mailbox.arrivedLetters(mette.id).find((each) => each.subject.da === 'Bekræft din adresse')!;
    const agent = request.agent(testApp(ctx));
    await loginAs(agent, ctx, 'mette.hansen', 'Hest2024', 'post');
    ctx.clock.advance(mette.classId, days(15));
    await agent.get('/post');
    const reminder = ctx.mailbox.arrivedLetters(mette.id).find((each) => each.kind === 'reminder' && each.replyTo === letter.id)!;
    // as long again as the letter gave: 14 days after the first deadline
    expect(reminder.deadline).toBe(letter.deadline! + days(14));
    expect(reminder.deliveredAt).toBe(letter.deadline);
    const wanted = {
      da: ['Rykker: Bekræft din adresse senest', 'Svar på dette brev senest'],
      en: ['Reminder: confirm your address by', 'Answer this letter by'],
      de: ['Mahnung: Bestätigen Sie Ihre Adresse bis zum', 'Antworten Sie bis zum'],
    } as const;
    for (const lang of ['da', 'en', 'de'] as const) {
      const date = formatDanishDate(reminder.deadline!, lang);
      const page = visibleText((await agent.get(`/post/letters/${reminder.id}?lang=${lang}&screens=full`)).text);
      expect(page).toContain(`${wanted[lang][0]} ${date}`);
      expect(page).toContain(`${wanted[lang][1]} ${date}`);
      expect(page).not.toMatch(/14 (dage|days|Tagen)/);
    }
  });

  it('says the new deadline as a date in the standard reminder of a letter without its own', async () => {
    const ctx = await seededContext();
    const mette = ctx.citizens.findByIdentifier('mette.hansen')!;
    const now = ctx.clock.now(mette.classId);
    ctx.mailbox.deliver(mette.id, {
      sender: 'kommune',
      subject: 'Send os din lønseddel',
      body: 'Send den inden fristen.',
      answerable: true,
      deadline: now + days(7),
    });
    ctx.clock.advance(mette.classId, days(8));
    ctx.mailbox.refresh(mette.id);
    const reminder = ctx.mailbox
      .arrivedLetters(mette.id)
      .find((each) => each.kind === 'reminder' && each.subject.da === 'Rykker: Send os din lønseddel')!;
    expect(reminder.body.da).toContain(`Svar senest ${formatDanishDate(now + days(14), 'da')}, ellers`);
    expect(reminder.body.en).toContain(`Please answer by ${formatDanishDate(now + days(14), 'en')}, otherwise`);
  });
});
