import type { Request, Response } from 'express';
import type { Translate } from '../common/i18n.ts';
import { paths } from '../paths.ts';
import type { ClassRow } from '../teacher/types.ts';
import { attackPlans } from './attacks.ts';
import { toCsv } from '../common/csv.ts';
import { unanswered, questions } from './quiz.ts';
import type { WorkshopParts } from './wiring.ts';
import { ruleOfStep, steps, type Workshop } from './types.ts';

const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());

/** The debrief (timelines, funnel, CSV) for the facilitator, and the quiz for everyone. */
export function debriefController(parts: WorkshopParts) {
  const { debrief, quiz } = parts;

  return {
    show(_req: Request, res: Response): void {
      const workshop: Workshop = res.locals.workshop;
      const facts = debrief.facts(workshop);
      res.render('workshop/debrief', {
        participants: debrief.participants(workshop, facts),
        funnel: debrief.funnel(facts),
        steps,
        ruleOfStep,
        attackPlans,
      });
    },

    csv(_req: Request, res: Response): void {
      const workshop: Workshop = res.locals.workshop;
      const klass: ClassRow = res.locals.klass;
      const t: Translate = res.locals.t;
      const yesNo = (value: boolean) => t(value ? 'workshop:csv.yes' : 'workshop:csv.no');
      const rows = debrief.facts(workshop).map((fact) => [
        fact.citizen.name,
        fact.citizen.nemidNumber,
        t(`workshop:attacks.${attackPlans[fact.attack.kind].key}.name`),
        ...steps.map((step) => iso(fact.at[step])),
        yesNo(fact.passwordReal),
        fact.codesTyped,
        fact.realCodes,
        yesNo(fact.relay !== null),
        t(`workshop:outcomes.${fact.outcome}`),
        fact.score,
      ]);
      const header = ['name', 'nemidNumber', 'attack', ...steps, 'passwordReal', 'codesTyped', 'realCodes', 'relayed', 'outcome', 'score'].map((column) => t(`workshop:csv.${column}`));
      res
        .type('text/csv; charset=utf-8')
        .set('Content-Disposition', `attachment; filename="workshop-${workshop.id}-${klass.code.toLowerCase()}.csv"`)
        .set('Cache-Control', 'no-store')
        .send(toCsv(header, rows));
    },

    showQuiz(_req: Request, res: Response): void {
      res.render('workshop/quiz', { questions, answers: {}, errors: {}, result: null });
    },

    submitQuiz(req: Request, res: Response): void {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const answers = Object.fromEntries(questions.map((question) => [question.id, typeof body[question.id] === 'string' ? String(body[question.id]) : '']));
      const errors = unanswered(body);
      if (Object.keys(errors).length > 0) {
        res.status(400).render('workshop/quiz', { questions, answers, errors, result: null });
        return;
      }
      const result = quiz.mark(answers, req.session.citizenId);
      res.render('workshop/quiz', { questions, answers, errors: {}, result, backHref: paths.home });
    },
  };
}
