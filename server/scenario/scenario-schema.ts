import { z } from 'zod';
import { passwordProblems, userIdProblems } from '../citizen/credentials.ts';
import { isFictionalCpr } from '../citizen/fictional-identity.ts';
import { languages } from '../common/i18n.ts';
import { bankSchema, letterTemplateSchema, senderSchema } from '../mailbox/letter-schema.ts';
import { exercisesSchema } from '../exercises/exercise-schema.ts';
import { mitidPasswordProblems, mitidUserIdProblems } from '../mitid/mitid-credentials.ts';
import { authenticatorKinds, identityKinds } from '../mitid/types.ts';
import { defaultSettings } from './types.ts';

/** A text in Danish, optionally with English and German translations. */
const localisedText = z.union([
  z.string().min(1),
  z.object({ da: z.string().min(1), en: z.string().min(1).optional(), de: z.string().min(1).optional() }).strict(),
]);

/**
 * The schema's own messages are locale keys (teacher:scenarioProblems.*, with values in
 * `params`): server/scenario/scenario-problems.ts puts them into the console's language.
 */
const settingsSchema = z
  .object({
    keysPerCard: z.int().min(30).max(300),
    renewAtKeysLeft: z.int().min(0).max(100),
    maxExtraCards: z.int().min(0).max(10),
    passwordTries: z.int().min(1).max(20),
    passwordTriesAfterTemporaryLock: z.int().min(1).max(20),
    keyTries: z.int().min(1).max(20),
    temporaryLockHours: z.number().positive().max(72),
    mitidAppTimeoutSeconds: z.int().min(10).max(3600),
    mitidCodeTries: z.int().min(1).max(20),
    mitidCodeBlockMinutes: z.number().positive().max(1440),
    mitidCodeValiditySeconds: z.int().min(0).max(3600),
  })
  .strict();

const classSchema = z
  .object({
    code: z.string().regex(/^[A-Za-z0-9-]{2,20}$/, 'teacher:scenarioProblems.expect.classCode'),
    name: z.string().trim().min(1).max(80),
  })
  .strict();

const traineeSchema = z
  .object({
    name: z.string().trim().min(2).max(100),
    cpr: z
      .string()
      .regex(/^\d{6}-?\d{4}$/, 'teacher:scenarioProblems.expect.cprFormat')
      .refine(isFictionalCpr, 'teacher:scenarioProblems.expect.cprFictional')
      .optional(),
    nemidNumber: z
      .string()
      .regex(/^\d{9}$/, 'teacher:scenarioProblems.expect.nemidNumber')
      .optional(),
    userId: z.string().optional(),
    password: z.string().optional(),
    state: z.enum(['pending', 'active', 'locked', 'blocked', 'revoked']).default('active'),
    lockCode: z.enum(['LOCK001', 'LOCK002', 'LOCK003', 'USER', 'ISSUER']).optional(),
    keysLeft: z.int().min(0).optional(),
    lang: z.enum(languages).default('da'),
    letters: z.array(letterTemplateSchema).max(50).default([]),
    /** This trainee's identity, if not the scenario's (docs/mitid.md). */
    identity: z.enum(identityKinds).optional(),
    /** MitID's own user ID [S1]; generated from the name when not given. */
    mitidUserId: z.string().optional(),
    mitidPassword: z.string().optional(),
    /** The MitID authenticators the trainee holds; the app when not given. */
    authenticators: z.array(z.enum(authenticatorKinds)).min(1).optional(),
    /** false: the trainee activates MitID in the lesson (server/mitid/activation-service.ts); the user ID is then their own choice. */
    mitidActivated: z.boolean().optional(),
  })
  .strict();

export const scenarioSchema = z
  .object({
    title: localisedText,
    description: localisedText,
    goals: z.array(localisedText).default([]),
    class: classSchema,
    settings: settingsSchema.partial().default({}),
    trainees: z.array(traineeSchema).min(1).max(500),
    senders: z.array(senderSchema).max(50).default([]),
    letters: z.array(letterTemplateSchema).max(50).default([]),
    bank: bankSchema.optional(),
    /** The trainee's exercises, each ticked from the event log (server/exercises/); `guided`: the guide is on from the start. */
    exercises: exercisesSchema,
    guided: z.boolean().default(false),
    /** Which identity the trainees hold: NemID (as before), MitID, or both (docs/mitid.md). */
    identity: z.enum(identityKinds).default('nemid'),
  })
  .strict()
  .superRefine((scenario, ctx) => {
    const settings = { ...defaultSettings, ...scenario.settings };
    const seen = { cpr: new Set<string>(), nemidNumber: new Set<string>(), userId: new Set<string>(), mitidUserId: new Set<string>() };
    scenario.trainees.forEach((trainee, index) => {
      const at = (field: string) => ['trainees', index, field];
      for (const field of ['cpr', 'nemidNumber', 'userId', 'mitidUserId'] as const) {
        const value = trainee[field]?.replace('-', '').toLowerCase();
        if (value === undefined) continue;
        if (seen[field].has(value)) ctx.addIssue({ code: 'custom', path: at(field), message: 'teacher:scenarioProblems.expect.unique' });
        seen[field].add(value);
      }
      if (trainee.userId !== undefined) {
        for (const problem of userIdProblems(trainee.userId)) {
          ctx.addIssue({
            code: 'custom',
            path: at('userId'),
            message: 'teacher:scenarioProblems.expect.userIdRules',
            params: { ruleKey: problem },
          });
        }
      }
      if (trainee.password !== undefined && trainee.cpr && trainee.nemidNumber) {
        const problems = passwordProblems(
          trainee.password,
          { cpr: trainee.cpr.replace('-', ''), nemidNumber: trainee.nemidNumber },
          trainee.userId,
        );
        for (const problem of problems) {
          ctx.addIssue({
            code: 'custom',
            path: at('password'),
            message: 'teacher:scenarioProblems.expect.passwordRules',
            params: { ruleKey: problem },
          });
        }
      }
      mitidProblems(trainee, scenario.identity, at, ctx);
      const locked = trainee.state === 'locked' || trainee.state === 'blocked';
      if (locked && !trainee.lockCode) {
        ctx.addIssue({ code: 'custom', path: at('lockCode'), message: 'teacher:scenarioProblems.expect.lockCodeNeeded' });
      }
      if (trainee.state === 'locked' && trainee.lockCode && trainee.lockCode !== 'LOCK001') {
        ctx.addIssue({ code: 'custom', path: at('lockCode'), message: 'teacher:scenarioProblems.expect.lockCodeLocked' });
      }
      if (trainee.state === 'blocked' && trainee.lockCode === 'LOCK001') {
        ctx.addIssue({ code: 'custom', path: at('lockCode'), message: 'teacher:scenarioProblems.expect.lockCodeBlocked' });
      }
      if (trainee.keysLeft !== undefined && trainee.keysLeft > settings.keysPerCard) {
        ctx.addIssue({
          code: 'custom',
          path: at('keysLeft'),
          message: 'teacher:scenarioProblems.expect.keysLeftMax',
          params: { count: settings.keysPerCard },
        });
      }
    });
  });

/** A trainee's MitID fields: MitID's own rules, and only for a trainee who holds a MitID. */
function mitidProblems(
  trainee: z.infer<typeof traineeSchema>,
  scenarioIdentity: string,
  at: (field: string) => PropertyKey[],
  ctx: z.RefinementCtx,
): void {
  const identity = trainee.identity ?? scenarioIdentity;
  if (identity === 'nemid') {
    for (const field of ['mitidUserId', 'mitidPassword', 'authenticators', 'mitidActivated'] as const) {
      if (trainee[field] !== undefined)
        ctx.addIssue({ code: 'custom', path: at(field), message: 'teacher:scenarioProblems.expect.mitidFieldWithoutMitid' });
    }
    return;
  }
  if (trainee.mitidUserId !== undefined) {
    for (const problem of mitidUserIdProblems(trainee.mitidUserId, trainee.cpr?.replace('-', ''))) {
      ctx.addIssue({
        code: 'custom',
        path: at('mitidUserId'),
        message: 'teacher:scenarioProblems.expect.mitidUserIdRules',
        params: { ruleKey: problem },
      });
    }
  }
  if (trainee.mitidPassword !== undefined) {
    for (const problem of mitidPasswordProblems(trainee.mitidPassword, trainee.mitidUserId ?? '')) {
      ctx.addIssue({
        code: 'custom',
        path: at('mitidPassword'),
        message: 'teacher:scenarioProblems.expect.mitidPasswordRules',
        params: { ruleKey: problem },
      });
    }
  }
  if (trainee.authenticators && new Set(trainee.authenticators).size < trainee.authenticators.length) {
    ctx.addIssue({ code: 'custom', path: at('authenticators'), message: 'teacher:scenarioProblems.expect.authenticatorTwice' });
  }
}

export type ScenarioFile = z.infer<typeof scenarioSchema>;
export type ScenarioTrainee = ScenarioFile['trainees'][number];

/** The fields a part of the scenario file knows (the file, its class, settings, a trainee, a letter), for "did you mean". */
export function knownFieldsAt(path: PropertyKey[]): readonly string[] {
  const shapeOf = (schema: { shape: object }) => Object.keys(schema.shape);
  const last = path.at(-1);
  const parent = typeof last === 'number' ? path.at(-2) : last;
  if (path.length === 0) return shapeOf(scenarioSchema);
  if (parent === 'class') return shapeOf(classSchema);
  if (parent === 'settings') return shapeOf(settingsSchema);
  if (parent === 'trainees' && path.length === 2) return shapeOf(traineeSchema);
  if (parent === 'letters') return shapeOf(letterTemplateSchema);
  return [];
}
