import { z } from 'zod';

/** A text in Danish, optionally with English and German translations; read as `{ da, en?, de? }`. */
const localText = z
  .union([
    z.string().min(1),
    z.object({ da: z.string().min(1), en: z.string().min(1).optional(), de: z.string().min(1).optional() }).strict(),
  ])
  .transform((text) => (typeof text === 'string' ? { da: text } : text));

const unitMs = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const;

/** A time relative to loading the scenario on the class clock: `30m`, `2h`, `-3d` (before), `1w`. */
const offset = z
  .string()
  .regex(/^-?\d{1,5}[mhdw]$/, 'a duration such as 30m, 2h, 4d or 1w (a minus sign for the past, e.g. -3d)')
  .transform((text) => Number(text.slice(0, -1)) * unitMs[text.at(-1) as keyof typeof unitMs]);

const positiveDuration = z
  .string()
  .regex(/^\d{1,5}[mhdw]$/, 'a duration such as 30m, 2h, 14d or 2w')
  .transform((text) => Number(text.slice(0, -1)) * unitMs[text.at(-1) as keyof typeof unitMs]);

const kroner = z.number().min(0).max(10_000_000);

export const senderSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9-]{2,40}$/, '2-40 small letters, digits or dashes'),
    name: z.string().trim().min(2).max(100),
    // `fraud`: a scenario's fraudster (a look-alike sender); a report of its letter is not a false alarm.
    kind: z.enum(['public', 'public-digital', 'employer', 'company', 'private', 'issuer', 'fraud']),
    writable: z.boolean().default(false),
    autoReply: z.object({ after: positiveDuration, subject: localText, body: localText }).strict().optional(),
  })
  .strict();

export const sendersFileSchema = z.object({ senders: z.array(senderSchema) }).strict();

/** A payslip's figures (R9); the net pay is paid into the online bank when the payslip arrives. */
const payslipSchema = z.object({ period: localText, gross: kroner, pension: kroner.default(0), tax: kroner, net: kroner }).strict();

/** The year's tax assessment (årsopgørelse) shown in the letter's PDF and the tax folder. */
const taxAssessmentSchema = z
  .object({ year: z.int().min(2000).max(2100), income: kroner, deductions: kroner, taxPaid: kroner, taxDue: kroner })
  .strict();

/**
 * A document to sign with NemID (R3), e.g. a rental contract. `recipient` is the role of the
 * trainee who receives it ("lejer"): they join the parties by name. A term may say
 * {{start}}: the first of the month after the letter arrives (server/mailbox/contract-text.ts).
 */
const contractSchema = z
  .object({
    title: localText,
    parties: z.array(z.string().min(1)).min(1),
    recipient: localText.optional(),
    terms: z.array(localText).min(1),
  })
  .strict();

const attachmentSchema = z
  .object({
    file: z.string().regex(/^[\w.-]{1,80}\.pdf$/, 'a file name ending in .pdf (letters, digits, . _ -)'),
    type: z.enum(['document', 'payslip', 'tax-assessment', 'contract']).default('document'),
  })
  .strict();

/** A letter in a scenario file: to every trainee (top-level `letters`) or to one (a trainee's `letters`). */
export const letterTemplateSchema = z
  .object({
    sender: z.string().min(2),
    subject: localText,
    body: localText,
    kind: z.enum(['letter', 'payslip', 'tax-assessment', 'signature-request']).default('letter'),
    arrives: offset.default(0),
    read: z.boolean().default(false),
    answerable: z.boolean().default(false),
    /** The answer deadline, counted from the arrival (R10). */
    deadline: positiveDuration.optional(),
    /**
     * The reminder's own text (rykker), sent when the deadline passes unanswered: its
     * `{{deadline}}` is the reminder's new deadline as a date, so a subject that counts
     * days ("senest om 14 dage") need not be repeated after those days have passed.
     */
    reminder: z.object({ subject: localText, body: localText }).strict().optional(),
    attachments: z.array(attachmentSchema).max(5).default([]),
    payslip: payslipSchema.optional(),
    taxAssessment: taxAssessmentSchema.optional(),
    contract: contractSchema.optional(),
  })
  .strict()
  .superRefine((letter, ctx) => {
    const needs = { payslip: 'payslip', 'tax-assessment': 'taxAssessment', 'signature-request': 'contract' } as const;
    const field = letter.kind === 'letter' ? undefined : needs[letter.kind];
    if (letter.reminder && letter.deadline === undefined) {
      ctx.addIssue({ code: 'custom', path: ['reminder'], message: 'a deadline: only a letter with a deadline gets a reminder' });
    }
    if (field && letter[field] === undefined) {
      ctx.addIssue({ code: 'custom', path: [field], message: `the ${field} figures of a letter of kind "${letter.kind}"` });
    }
    letter.attachments.forEach((attachment, index) => {
      const type = attachment.type;
      const wanted =
        type === 'payslip' ? 'payslip' : type === 'tax-assessment' ? 'taxAssessment' : type === 'contract' ? 'contract' : undefined;
      if (wanted && letter[wanted] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['attachments', index, 'type'],
          message: `a letter with ${wanted} figures for a ${type} attachment`,
        });
      }
    });
  });

export const bankSchema = z.object({ openingBalance: z.number().min(0).max(1_000_000) }).strict();

export type SenderEntry = z.infer<typeof senderSchema>;
export type LetterTemplate = z.infer<typeof letterTemplateSchema>;
