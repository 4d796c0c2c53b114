import type { Request, Response } from 'express';
import { issuerReasons } from '../blocking/types.ts';
import { formatCpr, type Citizen } from '../citizen/types.ts';
import { idChoices, reasonChoices } from '../exemption/types.ts';
import type { Translate } from '../common/i18n.ts';
import { paths } from '../paths.ts';
import { notice, takeNotice, type TeacherConsole } from './console.ts';
import { toCsv } from '../common/csv.ts';
import { formatDanishTimeWithOffset } from '../common/danish-time.ts';
import type { ClassRow } from './types.ts';

/** An event type in the teacher's language; a type this console does not know yet is shown as it is. */
export function eventName(t: Translate, type: string): string {
  return t(`teacher:events.${type}`, { defaultValue: type });
}

/** A time in a CSV file: Danish time, as the pages show it, with its offset from UTC (`2026-12-07 14:05 +01:00`). */
const csvTime = (ms: number | null) => (ms === null ? '' : formatDanishTimeWithOffset(ms));

/** One trainee's page (progress, timeline, reset) and the class's CSV exports. */
export function progressController(services: TeacherConsole) {
  const { classes, progress, desk, ctx } = services;

  const sendCsv = (res: Response, klass: ClassRow, what: string, text: string) =>
    res
      .type('text/csv; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="training-${klass.code.toLowerCase()}-${what}.csv"`)
      .set('Cache-Control', 'no-store')
      .send(text);

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
        desk: { exempt: desk.isExempt(trainee), latest: desk.latestDecision(trainee), publicAccess: desk.hasPublicAccess(trainee), idChoices, reasonChoices },
        eventName: (type: string) => eventName(res.locals.t, type),
      });
    },

    resetTrainee(req: Request, res: Response): void {
      const result = classes.resetTrainee(res.locals.klass, res.locals.trainee);
      notice(req, 'teacher:trainee.resetDone', { name: res.locals.trainee.name, ms: Math.max(1, Math.round(result.ms)) });
      res.redirect(303, paths.teacher.trainee(res.locals.trainee.id));
    },

    eventsCsv(_req: Request, res: Response): void {
      const klass: ClassRow = res.locals.klass;
      const t: Translate = res.locals.t;
      const people = new Map(ctx.citizens.listInClass(klass.id).map((citizen) => [citizen.id, citizen]));
      // As the trainee page tells it: a letter at its arrival (none still on its way), post arriving as its own row.
      const rows = progress.classTimeline(klass).map(({ event, at, type, actor }) => {
        const who = event.citizenId === null ? undefined : people.get(event.citizenId);
        const realTime = at === event.at ? csvTime(event.realAt) : '';
        return [event.id, csvTime(at), realTime, who?.name ?? '', who?.nemidNumber ?? '', t(`teacher:actorNames.${actor}`), type, eventName(t, type), event.rule ?? '', JSON.stringify(event.data)];
      });
      const header = ['id', 'classTime', 'realTime', 'name', 'nemidNumber', 'actor', 'type', 'description', 'rule', 'data'].map((column) => t(`teacher:csv.${column}`));
      sendCsv(res, klass, 'events', toCsv(header, rows));
    },

    progressCsv(_req: Request, res: Response): void {
      const klass: ClassRow = res.locals.klass;
      const t: Translate = res.locals.t;
      const rows = progress.ofClass(klass).trainees.map((row) => [
        row.citizen.name,
        row.citizen.nemidNumber,
        row.citizen.userId ?? '',
        t(`teacher:states.${row.state}`),
        row.lockCode ?? '',
        row.logins,
        row.keysUsed,
        row.keysLeft,
        row.wrongPasswords,
        row.wrongKeys,
        row.locks,
        row.unreadLetters ?? '',
        row.exercisesDone ?? '',
        row.needsHelp ? t('teacher:csv.yes') : t('teacher:csv.no'),
        csvTime(row.lastActivity),
      ]);
      const header = [
        'name', 'nemidNumber', 'userId', 'state', 'lockCode', 'logins', 'keysUsed', 'keysLeft',
        'wrongPasswords', 'wrongKeys', 'locks', 'unreadLetters', 'exercisesDone', 'needsHelp', 'lastActivity',
      ].map((column) => t(`teacher:csv.${column}`));
      sendCsv(res, klass, 'progress', toCsv(header, rows));
    },
  };
}
