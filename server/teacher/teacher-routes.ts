import { Router, type RequestHandler } from 'express';
import { requireTeacher } from '../common/auth.ts';
import type { Context } from '../context.ts';
import { paths } from '../paths.ts';
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

const classPath = '/teacher/classes/:code';
const traineePath = '/teacher/trainees/:id';
const scenarioPath = '/teacher/scenarios/:name';

/**
 * The teacher console at /teacher (classes, printing, reset and its archives, clock, progress, scenarios,
 * accounts, the guide) and the trainee's join page. Every page past the login needs a
 * teacher; every class or trainee in a URL must be one this teacher may see (else 404).
 */
export function teacherRoutes(ctx: Pick<Context, 'teacherConsole' | 'citizens' | 'clock' | 'keycards' | 'login'>, limit: RequestHandler, publicBaseUrl: string): Router {
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
  router.use('/teacher', projectorLocals);
  router.get(paths.teacher.login, accounts.showLogin);
  router.post(paths.teacher.login, limit, accounts.login);
  router.post(paths.teacher.logout, accounts.logout);
  router.get(paths.teacher.accounts, requireTeacher, accounts.showAccounts);
  router.post(paths.teacher.accounts, requireTeacher, accounts.addAccount);
  router.get(paths.teacher.guide, requireTeacher, joining.guide);
  router.post(paths.teacher.projector, requireTeacher, projector.switch);

  router.get(paths.teacher.home, requireTeacher, classes.home);
  router.get(paths.teacher.newClass, requireTeacher, classes.showNewClass);
  router.post(paths.teacher.classes, requireTeacher, classes.createClass);
  router.get(classPath, ...klass, classes.showClass);
  router.post(`${classPath}/instructions`, ...klass, classes.saveInstructions);
  router.get(`${classPath}/reset`, ...klass, resets.confirm);
  router.post(`${classPath}/reset`, ...klass, resets.resetClass);
  router.get(`${classPath}/archives/:archive`, ...archive, resets.showArchive);
  router.get(`${classPath}/archives/:archive/progress.csv`, ...archive, resets.progressCsv);
  router.get(`${classPath}/archives/:archive/debrief.csv`, ...archive, resets.debriefCsv);
  router.post(`${classPath}/clock`, ...klass, classes.advanceClock);
  router.get(`${classPath}/cards`, ...klass, printing.showClassCards);
  router.get(`${classPath}/cards.pdf`, ...klass, printing.classPdf);
  router.post(`${classPath}/cards.pdf`, ...klass, printing.printClassPdf);
  router.get(`${classPath}/events.csv`, ...klass, progress.eventsCsv);
  router.get(`${classPath}/progress.csv`, ...klass, progress.progressCsv);
  router.get(`${classPath}/letters`, ...klass, story.showLetter);
  router.post(`${classPath}/letters`, ...klass, story.send);

  router.get(traineePath, ...trainee, progress.showTrainee);
  router.get(`${traineePath}/reset`, ...trainee, resets.confirm);
  router.post(`${traineePath}/reset`, ...trainee, resets.resetTrainee);
  router.get(`${traineePath}/card`, ...trainee, printing.showTraineeCard);
  router.get(`${traineePath}/letters`, ...trainee, story.showLetter);
  router.post(`${traineePath}/letters`, ...trainee, story.send);
  router.post(`${traineePath}/block`, ...trainee, story.block);
  router.post(`${traineePath}/unblock`, ...trainee, story.unblock);
  router.post(`${traineePath}/exemption`, ...trainee, desk.exemption);
  router.post(`${traineePath}/bank-activation`, ...trainee, desk.bankActivation);

  router.get(paths.teacher.scenarios, requireTeacher, scenarios.list);
  router.get(paths.teacher.newScenario, requireTeacher, scenarios.showUpload);
  router.post(paths.teacher.scenarios, requireTeacher, scenarios.upload);
  router.get(scenarioPath, requireTeacher, scenarios.showEdit);
  router.post(scenarioPath, requireTeacher, scenarios.edit);
  router.get(`${scenarioPath}/download`, requireTeacher, scenarios.download);

  router.get(paths.join, joining.showJoin);
  router.post(paths.join, limit, joining.join);
  return router;
}
