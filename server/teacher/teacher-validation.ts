import { z } from 'zod';
import { clockSteps } from '../common/clock.ts';
import { issuerReasons } from '../blocking/types.ts';
import { idChoices, reasonChoices } from '../exemption/types.ts';

/** Form bodies of the teacher console. Each message is a locale key shown next to its field. */
export const loginSchema = z.object({
  username: z.string().trim().min(1, 'teacher:errors.usernameMissing').max(100, 'teacher:errors.wrong'),
  password: z.string().min(1, 'teacher:errors.passwordMissing').max(200, 'teacher:errors.wrong'),
});

export const newAccountSchema = z.object({
  username: z.string().trim().max(100, 'teacher:accounts.errors.usernameFormat'),
  password: z.string().max(300, 'teacher:accounts.errors.passwordLength'),
  repeat: z.string().max(300, 'teacher:accounts.errors.passwordLength'),
});

export const maxTraineesPerClass = 100;

export const newClassSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{2,20}$/, 'teacher:newClass.errors.code')
    .refine((code) => code.toLowerCase() !== 'new', 'teacher:newClass.errors.code'),
  name: z.string().trim().min(1, 'teacher:newClass.errors.nameMissing').max(80, 'teacher:newClass.errors.nameTooLong'),
  scenario: z.string().min(1, 'teacher:newClass.errors.scenarioMissing').max(60, 'teacher:newClass.errors.scenarioUnknown'),
  trainees: z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, 'teacher:newClass.errors.trainees')
    .transform(Number)
    .pipe(z.number().int().min(1, 'teacher:newClass.errors.trainees').max(maxTraineesPerClass, 'teacher:newClass.errors.trainees')),
  instructions: z.string().max(2000, 'teacher:newClass.errors.instructionsTooLong').default(''),
});

export const instructionsSchema = z.object({
  instructions: z.string().max(2000, 'teacher:newClass.errors.instructionsTooLong'),
});

export const joinSchema = z.object({
  joinCode: z
    .string()
    .transform((value) => value.replace(/[\s-]/g, '').toUpperCase())
    .pipe(
      z
        .string()
        .min(1, 'teacher:join.errors.missing')
        .regex(/^[A-Z0-9]{6}$/, 'teacher:join.errors.format'),
    ),
});

export const clockSchema = z.object({ step: z.enum(clockSteps, 'teacher:clock.errors.step') });

export const scenarioUploadSchema = z.object({
  name: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,60}$/, 'teacher:scenarios.errors.name')
    .refine((name) => name !== 'new', 'teacher:scenarios.errors.name'),
  text: z
    .string()
    .max(200_000, 'teacher:scenarios.errors.textTooLong')
    .refine((text) => text.trim().length > 0, 'teacher:scenarios.errors.textMissing'),
});

/** A letter from the teacher: a sender from the list, or `other` with any sender's name. */
export const letterSchema = z
  .object({
    sender: z.string().min(1, 'teacher:letter.errors.sender').max(100, 'teacher:letter.errors.sender'),
    senderName: z.string().trim().max(100, 'teacher:letter.errors.senderNameTooLong').default(''),
    subject: z.string().trim().min(1, 'teacher:letter.errors.subjectMissing').max(120, 'teacher:letter.errors.subjectTooLong'),
    body: z.string().trim().min(1, 'teacher:letter.errors.bodyMissing').max(5000, 'teacher:letter.errors.bodyTooLong'),
    answerable: z.literal('on').optional(),
  })
  .superRefine((letter, ctx) => {
    if (letter.sender === 'other' && letter.senderName.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['senderName'], message: 'teacher:letter.errors.senderNameMissing' });
    }
  })
  .transform((letter) => ({
    sender: letter.sender === 'other' ? letter.senderName : letter.sender,
    subject: letter.subject,
    body: letter.body,
    answerable: letter.answerable === 'on',
  }));

export const issuerBlockSchema = z.object({ reason: z.enum(issuerReasons, 'teacher:issuer.errors.reason') });

/** The exemption form as the applicant hands it over at the desk (the case worker's copy). */
export const exemptionDeskSchema = z.object({
  idDocument: z.enum(idChoices, 'teacher:desk.errors.idDocument'),
  reason: z.enum(reasonChoices, 'teacher:desk.errors.reason'),
  otherReason: z.string().trim().max(200, 'teacher:desk.errors.otherReasonTooLong').default(''),
});

export const bankDeskSchema = z.object({ showsId: z.literal('on').optional() });
