import { z } from 'zod';
import { isFictionalCpr } from '../citizen/fictional-identity.ts';
import type { DeskApplication } from './types.ts';

/** A group of checkboxes: absent, one value or several (the form body repeats the name). */
const ticked = z
  .union([z.string(), z.array(z.string()).max(10)])
  .optional()
  .transform((value) => new Set(value === undefined ? [] : Array.isArray(value) ? value : [value]));

const yesNo = (message: string) => z.enum(['yes', 'no'], message);

/** What the applicant brings, at either desk. Each message is a locale key shown next to its field. */
const applicantSchema = z.object({
  hasCpr: yesNo('enrolment:errors.hasCpr'),
  brings: ticked,
});

const witnessSchema = z.object({
  witnessName: z.string().trim().min(1, 'enrolment:errors.witnessName').max(100, 'enrolment:errors.witnessNameTooLong'),
  witnessAge: z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, 'enrolment:errors.witnessAge')
    .transform(Number)
    .pipe(z.number().int().max(120, 'enrolment:errors.witnessAge')),
  // Empty: the witness has no Danish CPR number. Only the sandbox's fictional numbers are accepted.
  witnessCpr: z
    .string()
    .trim()
    .max(20, 'enrolment:errors.witnessCprFormat')
    .transform((value) => value.replace('-', ''))
    .pipe(
      z.union([
        z.literal(''),
        z
          .string()
          .regex(/^\d{10}$/, 'enrolment:errors.witnessCprFormat')
          .refine(isFictionalCpr, 'enrolment:errors.witnessCprReal'),
      ]),
    ),
  witnessBrings: ticked,
});

export const bankSchema = applicantSchema.transform((form): DeskApplication => ({
  hasCpr: form.hasCpr === 'yes',
  bringsId: form.brings.has('id'),
  bringsCprDocument: form.brings.has('cpr-document'),
}));

export const borgerserviceSchema = applicantSchema.extend(witnessSchema.shape).transform((form): DeskApplication => ({
  hasCpr: form.hasCpr === 'yes',
  bringsId: form.brings.has('id'),
  bringsCprDocument: form.brings.has('cpr-document'),
  witness: {
    name: form.witnessName,
    age: form.witnessAge,
    cpr: form.witnessCpr === '' ? null : form.witnessCpr,
    bringsId: form.witnessBrings.has('id'),
    signsDeclaration: form.witnessBrings.has('declaration'),
  },
}));

export const activationSchema = z.object({ brings: ticked });
