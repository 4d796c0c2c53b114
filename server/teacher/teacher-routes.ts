import { Router, type RequestHandler } from 'express';
import { requireTeacher } from '../common/auth.ts';
import type { Context } from '../context.ts';
import { routes } from '../paths.ts';
import { accountController } from './account-controller.ts';
import { classController } from './class-controller.ts';
import { archiveFromUrl, classFromUrl, traineeFromUrl, type TeacherConsole } from './console.ts';
import { deskController } from './desk-controller.ts';
import { joinController } from './join-controller.ts';
import { printController } from './print-controller.ts';
import { progressController } from './progress-controller.ts';
import { resetController } from './reset-controller.ts';
import { projectorController, projectorLocals } from './projector.ts';
import { scenarioController } from './scenario-controller.ts';
import { storyController } from './story-controller.ts';

/**
 * The teacher console at /teacher (classes, printing, reset and its archives, clock, progress, scenarios,
 * accounts, the guide) and the trainee's join page. Every page past the login needs a
 * teacher; every class or trainee in a URL must be one this teacher may see (else 404).
 */
export function teacherRoutes(
  ctx: Pick<Context, 'teacherConsole' | 'citizens' | 'clock' | 'keycards' | 'login'>,
  limit: RequestHandler,
  publicBaseUrl: string,
): Router {
  const services: TeacherConsole = { ...ctx.teacherConsole, ctx };
  const accounts = accountController(services);
  const classes = classController(services);
  const printing = printController(services, publicBaseUrl);
  const progress = progressController(services);
  const scenarios = scenarioController(services);
  const joining = joinController(services);
  const story = storyController(services);
  const desk = deskController(services);
  const resets = resetController(services);
  const projector = projectorController(services);
  const klass = [requireTeacher, classFromUrl(services)];
  const trainee = [requireTeacher, traineeFromUrl(services)];
  const archive = [...klass, archiveFromUrl(services)];

  const router = Router();
  router.use(routes.teacher.home, projectorLocals);
  router.get(routes.teacher.login, accounts.showLogin);
  router.post(routes.teacher.login, limit, accounts.login);
  router.post(routes.teacher.logout, accounts.logout);
  router.get(routes.teacher.accounts, requireTeacher, accounts.showAccounts);
  router.post(routes.teacher.accounts, requireTeacher, accounts.addAccount);
  router.get(routes.teacher.guide, requireTeacher, joining.guide);
  router.post(routes.teacher.projector, requireTeacher, projector.switch);

  router.get(routes.teacher.home, requireTeacher, classes.home);
  router.get(routes.teacher.newClass, requireTeacher, classes.showNewClass);
  router.post(routes.teacher.classes, requireTeacher, classes.createClass);
  router.get(routes.teacher.klass, ...klass, classes.showClass);
  router.post(routes.teacher.classInstructions, ...klass, classes.saveInstructions);
  router.get(routes.teacher.classReset, ...klass, resets.confirm);
  router.post(routes.teacher.classReset, ...klass, resets.resetClass);
  router.get(routes.teacher.classArchive, ...archive, resets.showArchive);
  router.get(routes.teacher.classArchiveProgressCsv, ...archive, resets.progressCsv);
  router.get(routes.teacher.classArchiveDebriefCsv, ...archive, resets.debriefCsv);
  router.post(routes.teacher.classClock, ...klass, classes.advanceClock);
  router.get(routes.teacher.classCards, ...klass, printing.showClassCards);
  router.get(routes.teacher.classPdf, ...klass, printing.classPdf);
  router.post(routes.teacher.classPdf, ...klass, printing.printClassPdf);
  router.get(routes.teacher.classEventsCsv, ...klass, progress.eventsCsv);
  router.get(routes.teacher.classProgressCsv, ...klass, progress.progressCsv);
  router.get(routes.teacher.classLetters, ...klass, story.showLetter);
  router.post(routes.teacher.classLetters, ...klass, story.send);

  router.get(routes.teacher.trainee, ...trainee, progress.showTrainee);
  router.get(routes.teacher.traineeReset, ...trainee, resets.confirm);
  router.post(routes.teacher.traineeReset, ...trainee, resets.resetTrainee);
  router.get(routes.teacher.traineeCard, ...trainee, printing.showTraineeCard);
  router.get(routes.teacher.traineeLetters, ...trainee, story.showLetter);
  router.post(routes.teacher.traineeLetters, ...trainee, story.send);
  router.post(routes.teacher.traineeBlock, ...trainee, story.block);
  router.post(routes.teacher.traineeUnblock, ...trainee, story.unblock);
  router.post(routes.teacher.traineeExemption, ...trainee, desk.exemption);
  router.post(routes.teacher.traineeBankActivation, ...trainee, desk.bankActivation);

  router.get(routes.teacher.scenarios, requireTeacher, scenarios.list);
  router.get(routes.teacher.newScenario, requireTeacher, scenarios.showUpload);
  router.post(routes.teacher.scenarios, requireTeacher, scenarios.upload);
  router.get(routes.teacher.scenario, requireTeacher, scenarios.showEdit);
  router.post(routes.teacher.scenario, requireTeacher, scenarios.edit);
  router.get(routes.teacher.scenarioDownload, requireTeacher, scenarios.download);

  router.get(routes.join, joining.showJoin);
  router.post(routes.join, limit, joining.join);
  return router;
}
