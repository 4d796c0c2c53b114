/**
 * The guide's steps: which explanation (guide:steps.<step>) the side panel shows on a
 * page, by the page's path. Pages of the teacher, the issuer operator and the workshop
 * facilitator have no guide: they are not the trainee's.
 */
const steps: [RegExp, string][] = [
  [/^\/$/, 'home'],
  [/^\/practice\/welcome$/, 'practiceWelcome'],
  [/^\/practice\/card$/, 'keyCard'],
  [/^\/login$/, 'loginStart'],
  // MitID (docs/mitid.md): the user ID, then the app or the code display; getting MitID.
  [/^\/login\/mitid$/, 'mitidLogin'],
  [/^\/login\/mitid\/app(\/|$)/, 'mitidApp'],
  [/^\/login\/mitid\/(code|password)(\/|$)/, 'mitidCode'],
  [/^\/mitid\/activate(\/|$)/, 'mitidActivate'],
  [/^\/mitid\/get$/, 'mitidGet'],
  [/^\/login\/new-password$/, 'loginNewPassword'],
  [/^\/login\/key$/, 'loginKey'],
  [/^\/my-nemid$/, 'myNemid'],
  [/^\/exercises$/, 'exercises'],
  [/^\/preferences$/, 'preferences'],
  [/^\/post$/, 'postInbox'],
  [/^\/post\/letters\/[^/]+$/, 'postLetter'],
  [/^\/post\/letters\/[^/]+\/answer$/, 'postAnswer'],
  [/^\/post\/letters\/[^/]+\/forward$/, 'postForward'],
  [/^\/post\/letters\/[^/]+\/sign$/, 'postSign'],
  [/^\/post\/(letters\/[^/]+\/)?sign\/key$/, 'signKey'],
  [/^\/post\/write$/, 'postWrite'],
  [/^\/post\//, 'postBoxes'],
  [/^\/nemid$/, 'nemidHome'],
  [/^\/nemid\/block$/, 'nemidBlock'],
  [/^\/nemid\/phone$/, 'nemidPhone'],
  [/^\/nemid\/(temporary-password|password)$/, 'nemidPassword'],
  [/^\/letterbox(\/|$)/, 'letterbox'],
  [/^\/nemid\//, 'nemidHome'],
  [/^\/get-nemid/, 'enrolment'],
  [/^\/exemption/, 'exemption'],
  [/^\/(borger|skat|bank)(\/|$)/, 'services'],
  [/^\/join$/, 'join'],
];

const notTheTrainees = /^\/(teacher|issuer|workshop)(\/|$)/;

/** The guide step of a page, or undefined when the page has no guide. */
export function guideStepOf(path: string): string | undefined {
  if (notTheTrainees.test(path)) return undefined;
  return steps.find(([pattern]) => pattern.test(path))?.[1] ?? 'other';
}

/** Every step the guide can show (each needs guide:steps.<step> in every language). */
export const guideSteps = [...new Set([...steps.map(([, step]) => step), 'other'])];

/** The steps with a picture in the panel (views/partials/guide-picture.ejs). */
export const illustratedSteps = new Set(['loginStart', 'loginKey', 'signKey', 'postInbox']);
