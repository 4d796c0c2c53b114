import { Router } from 'express';
import { requireCitizen, requireTeacher } from '../common/auth.ts';
import { paths } from '../paths.ts';
import { attackerController } from './attacker-controller.ts';
import { classWorkshopLinks } from './class-links.ts';
import { consoleController, workshopFromUrl, type ClassClockControl } from './console-controller.ts';
import { debriefController } from './debrief-controller.ts';
import { lookAlikeController } from './lookalike-controller.ts';
import { participantController } from './participant-controller.ts';
import type { WorkshopParts } from '../context.ts';

const workshopPath = '/workshop/:id';

/**
 * The security workshop (R5). The facilitator's console at /workshop (teacher accounts;
 * a workshop in a URL must belong to a class this teacher sees, else 404), and what the
 * participants meet, each behind their own NemID login: the look-alike site, the staged
 * call, "report as fraud" on a letter. A token in a URL must be the participant's own.
 */
export function workshopRoutes(parts: WorkshopParts, classes: ClassClockControl): Router {
  const facilitator = consoleController(parts, classes);
  const attacker = attackerController(parts);
  const debrief = debriefController(parts);
  const lookAlike = lookAlikeController(parts);
  const participant = participantController(parts);
  const workshop = [requireTeacher, workshopFromUrl(parts)];
  const citizen = requireCitizen('post');

  const router = Router();
  router.use(participant.ringing);
  router.use(classWorkshopLinks(parts.workshops)); // the teacher console links each class to its workshops

  router.get(paths.workshop.quiz, debrief.showQuiz);
  router.post(paths.workshop.quiz, debrief.submitQuiz);
  router.get(paths.workshop.home, requireTeacher, facilitator.home);
  router.post(paths.workshop.home, requireTeacher, facilitator.start);
  router.get(workshopPath, ...workshop, facilitator.show);
  router.post(`${workshopPath}/attacks`, ...workshop, facilitator.addAttacks);
  router.post(`${workshopPath}/attacks/:attackId/launch`, ...workshop, facilitator.launch);
  router.post(`${workshopPath}/clock`, ...workshop, facilitator.advanceClock);
  router.post(`${workshopPath}/end`, ...workshop, facilitator.end);
  router.get(`${workshopPath}/attacker`, ...workshop, attacker.show);
  router.get(`${workshopPath}/attacker/:targetId`, ...workshop, attacker.session);
  router.post(`${workshopPath}/replay`, ...workshop, attacker.replay);
  router.get(`${workshopPath}/debrief`, ...workshop, debrief.show);
  router.get(`${workshopPath}/debrief.csv`, ...workshop, debrief.csv);

  router.get(paths.workshop.lookAlike(':token'), citizen, lookAlike.show);
  router.post(paths.workshop.lookAlike(':token'), citizen, lookAlike.submit);
  router.post(paths.workshop.lookAlikePhoto(':token'), citizen, lookAlike.uploadPhoto);
  router.get(paths.workshop.call(':token'), citizen, participant.showCall);
  router.post(paths.workshop.call(':token'), citizen, participant.call);
  router.post(paths.workshop.report(':id'), citizen, participant.reportLetter);
  return router;
}
