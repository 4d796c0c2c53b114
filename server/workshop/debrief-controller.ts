import type { Request, Response } from 'express';
import { paths } from '../paths.ts';
import type { ClassRow } from '../classes/types.ts';
import { attackPlans } from './attacks.ts';
import { sendCsv, toCsv } from '../common/csv.ts';
import { debriefRecord, debriefTable } from './debrief-records.ts';
import { unanswered, questions } from './quiz.ts';
import type { WorkshopParts } from '../context.ts';
import { mitidRules, ruleOfStep, steps, type Workshop } from './types.ts';

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
        mitidCounts: debrief.mitidCounts(facts),
        mitidRules,
        steps,
        ruleOfStep,
        attackPlans,
      });
    },

    csv(_req: Request, res: Response): void {
      const workshop: Workshop = res.locals.workshop;
      const klass: ClassRow = res.locals.klass;
      const { header, rows } = debriefTable(res.locals.t, debrief.facts(workshop).map(debriefRecord));
      sendCsv(res, `workshop-${workshop.id}-${klass.code.toLowerCase()}.csv`, toCsv(header, rows));
    },

    showQuiz(_req: Request, res: Response): void {
      res.render('workshop/quiz', { questions, answers: {}, errors: {}, result: null });
    },

    submitQuiz(req: Request, res: Response): void {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const answers = Object.fromEntries(
        questions.map((question) => [question.id, typeof body[question.id] === 'string' ? String(body[question.id]) : '']),
      );
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
