import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { languages, readLocales } from '../../server/common/i18n.ts';
import { attackPlans } from '../../server/workshop/attacks.ts';
import { questions } from '../../server/workshop/quiz.ts';
import { attackKinds, mitidRules, ruleOfStep, steps } from '../../server/workshop/types.ts';
import { submitForm, visibleText } from '../helpers/http.ts';
import { targetOf, workshopWorld } from './world.ts';

describe('report as fraud on a letter in Digital Post', () => {
  it('is on every incoming letter; a staged one scores, a genuine one is a false alarm', async () => {
    const world = await workshopWorld();
    const id = world.start([{ kind: 'locked-letter', minutes: 0 }]);
    const ahmed = await world.participant('ahmed.karimi', 'Bog7531x');
    const staged = targetOf(world.ctx, world.teacherId, id, ahmed.citizenId, 'locked-letter');
    const letterPath = `/post/letters/${staged.letterId}?lang=en&screens=full`;
    const reported = await submitForm(ahmed.agent, letterPath, `/post/letters/${staged.letterId}/report`, {});
    expect(reported.status).toBe(200);
    const thanks = visibleText(reported.text);
    expect(thanks).toContain('Your NemID has been locked – act within 24 hours');
    expect(thanks).toContain('from NemID Sikkerhedscenter as fraud.');
    const again = await submitForm(ahmed.agent, letterPath, `/post/letters/${staged.letterId}/report`, {});
    expect(visibleText(again.text)).toContain('You have already reported the letter');

    const genuine = world.ctx.mailbox.arrivedLetters(ahmed.citizenId).find((letter) => letter.senderName === 'Skattestyrelsen')!;
    const page = await ahmed.agent.get(`/post/letters/${genuine.id}`);
    expect(visibleText(page.text)).toContain('Report as fraud');
    await submitForm(ahmed.agent, `/post/letters/${genuine.id}`, `/post/letters/${genuine.id}/report`, {});
    const reports = world.ctx.events
      .latestOf(ahmed.citizenId, ['fraud-reported'], 5)
      .map((event) => [event.data.letterId, event.data.staged, event.rule]);
    expect(reports).toEqual([
      [genuine.id, false, 'R14'],
      [staged.letterId, true, 'R14'],
    ]);

    const { workshop } = world.ctx.workshop.workshops.visibleWorkshop(world.teacherId, id)!;
    const facts = world.ctx.workshop.debrief.facts(workshop).find((fact) => fact.citizen.id === ahmed.citizenId)!;
    expect([facts.outcome, facts.score]).toEqual(['reported', 1]);
  });

  it("refuses another trainee's letter with 404", async () => {
    const world = await workshopWorld();
    const id = world.start([{ kind: 'locked-letter', minutes: 0 }]);
    const mette = world.ctx.citizens.findByIdentifier('mette.hansen')!;
    const metteLetter = targetOf(world.ctx, world.teacherId, id, mette.id, 'locked-letter').letterId!;
    const ahmed = await world.participant('ahmed.karimi', 'Bog7531x');
    const refused = await submitForm(ahmed.agent, '/post', `/post/letters/${metteLetter}/report`, {});
    expect(refused.status).toBe(404);
    expect(world.ctx.events.latestOf(mette.id, ['fraud-reported'], 5)).toEqual([]);
  });
});

describe('the quiz on the rules', () => {
  it("marks the answers with explanations and puts a signed-in participant's score in the debrief", async () => {
    const world = await workshopWorld();
    const id = world.start([{ kind: 'tax-refund', minutes: 0 }]);
    const mette = await world.participant('mette.hansen', 'Hest2024');
    const missing = await submitForm(mette.agent, '/workshop/quiz?lang=en&screens=full', '/workshop/quiz', { lockedLetter: 'b' });
    expect(missing.status).toBe(400);
    expect(visibleText(missing.text)).toContain('Choose an answer.');

    const answers = Object.fromEntries(questions.map((question) => [question.id, question.correct]));
    answers.cardPhoto = 'a';
    const marked = visibleText((await submitForm(mette.agent, '/workshop/quiz', '/workshop/quiz', answers)).text);
    expect(marked).toContain('You got 5 of 6 right.');
    expect(marked).toContain('Not quite. The right answer: No. Never scan, copy or photograph the key card.');
    expect(marked).toContain('A photo holds every code of the card.');

    const { workshop } = world.ctx.workshop.workshops.visibleWorkshop(world.teacherId, id)!;
    const summary = world.ctx.workshop.debrief
      .participants(workshop, world.ctx.workshop.debrief.facts(workshop))
      .find((entry) => entry.citizen.id === mette.citizenId)!;
    expect(summary.quiz).toEqual({ score: 5, of: 6 });
  });

  it('can be taken by anyone, in every language', async () => {
    const world = await workshopWorld();
    for (const [lang, title] of [
      ['da', 'Quiz: reglerne for NemID'],
      ['en', 'Quiz: the rules of NemID'],
      ['de', 'Quiz: die Regeln von NemID'],
    ]) {
      const page = await request(world.app).get(`/workshop/quiz?lang=${lang}&screens=full`);
      expect(page.status).toBe(200);
      expect(visibleText(page.text)).toContain(title);
    }
  });
});

describe("the workshop's texts", () => {
  it('has every text the code builds from parts, in every language', () => {
    const resources = readLocales();
    const keys = [
      ...attackKinds.flatMap((kind) => ['name', 'short', 'description'].map((part) => `attacks.${attackPlans[kind].key}.${part}`)),
      ...attackKinds
        .filter((kind) => attackPlans[kind].channel === 'letter')
        .flatMap((kind) =>
          ['letter.subject', 'letter.body', 'letter.link', 'site.service', 'site.intro', 'site.done'].map(
            (part) => `attacks.${attackPlans[kind].key}.${part}`,
          ),
        ),
      ...steps.map((step) => `steps.${step}`),
      ...steps.map((step) => `csv.${step}`),
      ...Object.values(ruleOfStep).flatMap((rule) => (rule ? [`rules.${rule.part}.short`, `rules.${rule.part}.long`] : [])),
      ...[
        'not-yet',
        'not-logged-in',
        'not-opened',
        'ignored',
        'clicked',
        'refused',
        'rejected',
        'gave-wrong',
        'compromised',
        'compromised-reported',
        'reported',
      ].map((outcome) => `outcomes.${outcome}`),
      ...questions.flatMap((question) =>
        ['question', 'explanation', ...question.options.map((option) => `options.${option}`)].map(
          (part) => `quiz.questions.${question.id}.${part}`,
        ),
      ),
      ...['greeting', 'askPassword', 'saidPassword', 'askCode', 'saidCode', 'goodbye', 'hungUp', 'declined'].map(
        (line) => `call.lines.${line}`,
      ),
      ...['ok', 'wrong', 'refused'].map((outcome) => `attacker.replay.${outcome}`),
      ...['mitidGreeting', 'mitidAskApprove', 'mitidRefused', 'mitidInsist', 'mitidApproved', 'mitidRejected', 'mitidHangsUp'].map(
        (line) => `call.lines.${line}`,
      ),
      ...mitidRules.flatMap(({ rule }) => [`mitid.rules.${rule}.short`, `mitid.rules.${rule}.long`]),
      ...['approved', 'rejected', 'none'].map((decision) => `mitid.decisions.${decision}`),
    ];
    for (const lang of languages) {
      for (const key of keys) {
        const value = key
          .split('.')
          .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resources[lang].workshop);
        expect(value, `${lang} workshop:${key}`).toBeTypeOf('string');
      }
    }
  });
});
