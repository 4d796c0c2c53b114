import { Router } from 'express';
import { requireCitizen, requireTeacher } from '../common/auth.ts';
import { routes } from '../paths.ts';
import { attackerController } from './attacker-controller.ts';
import { classWorkshopLinks } from './class-links.ts';
import { consoleController, workshopFromUrl, type ClassClockControl } from './console-controller.ts';
import { debriefController } from './debrief-controller.ts';
import { lookAlikeController } from './lookalike-controller.ts';
import { participantController } from './participant-controller.ts';
import type { PublicServiceGuards } from '../enrolment/public-access.ts';
import type { WorkshopParts } from '../context.ts';

/**
 * The security workshop (R5). The facilitator's console at /workshop (teacher accounts;
 * a workshop in a URL must belong to a class this teacher sees, else 404), and what the
 * participants meet, each behind their own NemID login: the look-alike site, the staged
 * call, "report as fraud" on a letter. A token in a URL must be the participant's own.
 */
export function workshopRoutes(parts: WorkshopParts, classes: ClassClockControl, guards: PublicServiceGuards): Router {
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

  router.get(routes.workshop.quiz, debrief.showQuiz);
  router.post(routes.workshop.quiz, debrief.submitQuiz);
  router.get(routes.workshop.home, requireTeacher, facilitator.home);
  router.post(routes.workshop.home, requireTeacher, facilitator.start);
  router.get(routes.workshop.workshop, ...workshop, facilitator.show);
  router.post(routes.workshop.attacks, ...workshop, facilitator.addAttacks);
  router.post(routes.workshop.launch, ...workshop, facilitator.launch);
  router.post(routes.workshop.clock, ...workshop, facilitator.advanceClock);
  router.post(routes.workshop.end, ...workshop, facilitator.end);
  router.get(routes.workshop.attacker, ...workshop, attacker.show);
  router.get(routes.workshop.session, ...workshop, attacker.session);
  router.post(routes.workshop.replay, ...workshop, attacker.replay);
  router.get(routes.workshop.debrief, ...workshop, debrief.show);
  router.get(routes.workshop.debriefCsv, ...workshop, debrief.csv);

  router.get(routes.workshop.lookAlike, citizen, lookAlike.show);
  router.post(routes.workshop.lookAlike, citizen, lookAlike.submit);
  router.post(routes.workshop.lookAlikePhoto, citizen, lookAlike.uploadPhoto);
  router.get(routes.workshop.mitidLookAlike, citizen, lookAlike.showMitid);
  router.post(routes.workshop.mitidLookAlike, citizen, lookAlike.submitMitid);
  router.get(routes.workshop.call, citizen, participant.showCall);
  router.post(routes.workshop.call, citizen, participant.call);
  router.post(routes.workshop.report, ...guards('post'), participant.reportLetter);
  return router;
}
