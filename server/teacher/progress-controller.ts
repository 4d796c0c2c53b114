import type { Request, Response } from 'express';
import { issuerReasons } from '../blocking/types.ts';
import { formatCpr, type Citizen } from '../citizen/types.ts';
import { idChoices, reasonChoices } from '../exemption/types.ts';
import type { Translate } from '../common/i18n.ts';
import type { TeacherConsole } from './console.ts';
import { takeNotice } from '../web/teacher-notice.ts';
import { csvTime, sendCsv, toCsv } from '../common/csv.ts';
import { progressRecord, progressTable } from './progress-records.ts';
import type { ClassRow } from '../classes/types.ts';

/** An event type in the teacher's language; a type this console does not know yet is shown as it is. */
export function eventName(t: Translate, type: string): string {
  return t(`teacher:events.${type}`, { defaultValue: type });
}

/** Sends one of a class's CSV files (`what`: progress, events, archive-3 ...). */
export function sendClassCsv(res: Response, klass: ClassRow, what: string, text: string): void {
  sendCsv(res, `training-${klass.code.toLowerCase()}-${what}.csv`, text);
}

/** One trainee's page (progress, timeline) and the class's CSV exports. */
export function progressController(services: TeacherConsole) {
  const { progress, desk, ctx } = services;

  return {
    showTrainee(req: Request, res: Response): void {
      const klass: ClassRow = res.locals.klass;
      const trainee: Citizen = res.locals.trainee;
      res.render('teacher/trainee', {
        klass,
        trainee,
        cpr: formatCpr(trainee.cpr),
        blueprint: ctx.citizens.blueprintOf(trainee.id),
        row: progress.ofTrainee(klass, trainee),
        timeline: progress.timeline(klass, trainee),
        notice: takeNotice(req),
        issuerReasons,
        desk: {
          exempt: desk.isExempt(trainee),
          latest: desk.latestDecision(trainee),
          publicAccess: desk.hasPublicAccess(trainee),
          idChoices,
          reasonChoices,
        },
        eventName: (type: string) => eventName(res.locals.t, type),
      });
    },

    eventsCsv(_req: Request, res: Response): void {
      const klass: ClassRow = res.locals.klass;
      const t: Translate = res.locals.t;
      const people = new Map(ctx.citizens.listInClass(klass.id).map((citizen) => [citizen.id, citizen]));
      // As the trainee page tells it: a letter at its arrival (none still on its way), post arriving as its own row.
      const rows = progress.classTimeline(klass).map(({ event, at, type, actor }) => {
        const who = event.citizenId === null ? undefined : people.get(event.citizenId);
        const realTime = at === event.at ? csvTime(event.realAt) : '';
        return [
          event.id,
          csvTime(at),
          realTime,
          who?.name ?? '',
          who?.nemidNumber ?? '',
          t(`teacher:actorNames.${actor}`),
          type,
          eventName(t, type),
          event.rule ?? '',
          JSON.stringify(event.data),
        ];
      });
      const header = (['id', 'classTime', 'realTime', 'name', 'nemidNumber', 'actor', 'type', 'description', 'rule', 'data'] as const).map(
        (column) => t(`teacher:csv.${column}`),
      );
      sendClassCsv(res, klass, 'events', toCsv(header, rows));
    },

    progressCsv(_req: Request, res: Response): void {
      const klass: ClassRow = res.locals.klass;
      const { header, rows } = progressTable(res.locals.t, progress.ofClass(klass).trainees.map(progressRecord));
      sendClassCsv(res, klass, 'progress', toCsv(header, rows));
    },
  };
}
