import fs from 'node:fs';
import path from 'node:path';
import type { Request, Response } from 'express';
import { projectRoot } from '../common/project-root.ts';
import { paths } from '../paths.ts';
import { fieldErrors, formText } from '../web/form.ts';
import type { TeacherConsole } from './console.ts';
import { renderMarkdown } from './markdown.ts';
import { inLanguage } from './scenario-shelf.ts';
import { joinSchema } from './teacher-validation.ts';

/** The guide in Danish (docs/teachers.da.md) and in English (docs/teachers.md); German consoles get the English. */
const guideFiles = { da: path.join(projectRoot, 'docs/teachers.da.md'), en: path.join(projectRoot, 'docs/teachers.md') };
type GuideLang = keyof typeof guideFiles;
/** The files' links to each other lead to the guide page in the other language. */
const guideLinks = { 'teachers.da.md': `${paths.teacher.guide}?lang=da`, 'teachers.md': `${paths.teacher.guide}?lang=en` };

const guides = new Map<GuideLang, { mtimeMs: number; html: string }>();

/** One file's guide rendered once, and again only when that file has changed since. */
function guideHtml(lang: GuideLang): string {
  const file = guideFiles[lang];
  const { mtimeMs } = fs.statSync(file);
  let guide = guides.get(lang);
  if (guide?.mtimeMs !== mtimeMs) {
    guide = { mtimeMs, html: renderMarkdown(fs.readFileSync(file, 'utf8'), guideLinks) };
    guides.set(lang, guide);
  }
  return guide.html;
}

/** The trainee's join page (a class by its join code) and the teacher's guide. */
export function joinController({ classes, shelf, ctx }: TeacherConsole) {
  return {
    showJoin(_req: Request, res: Response): void {
      res.render('teacher/join', { errors: {}, joinCode: '', found: null });
    },

    /** A trainee types the join code and sees the class's name, the teacher's instructions and the story. */
    join(req: Request, res: Response): void {
      const typed = formText(req.body, 'joinCode').slice(0, 20);
      const parsed = joinSchema.safeParse(req.body);
      if (!parsed.success) {
        res.status(400).render('teacher/join', { errors: fieldErrors(parsed.error), joinCode: typed, found: null });
        return;
      }
      const klass = classes.findByJoinCode(parsed.data.joinCode);
      if (!klass) {
        res.status(404).render('teacher/join', { errors: { joinCode: ['teacher:join.errors.unknown'] }, joinCode: typed, found: null });
        return;
      }
      const joined = { classId: klass.id, at: ctx.clock.now(klass.id) };
      const citizen = req.session.citizenId === undefined ? undefined : ctx.citizens.findById(req.session.citizenId);
      // Logged in already: the join counts now; else it waits in the session for this browser's next login.
      if (citizen) ctx.login.recordJoin(citizen, joined);
      else req.session.joinedClass = joined;
      const entry = shelf.entries().find((candidate) => candidate.name === klass.scenario);
      const story = entry?.valid
        ? { title: inLanguage(entry.scenario.title, res.locals.lang), description: inLanguage(entry.scenario.description, res.locals.lang) }
        : null;
      res.render('teacher/join', { errors: {}, joinCode: parsed.data.joinCode, found: { klass, story } });
    },

    /** The guide in the console's language when it is Danish, else in English; the note links to the other one. */
    guide(_req: Request, res: Response): void {
      const guideLang: GuideLang = res.locals.lang === 'da' ? 'da' : 'en';
      const otherLang: GuideLang = guideLang === 'da' ? 'en' : 'da';
      res.render('teacher/guide', { html: guideHtml(guideLang), guideLang, otherLang });
    },
  };
}
