import { z } from 'zod';

/** A text in Danish, optionally with English and German translations (as the rest of a scenario file). */
const localisedText = z.union([
  z.string().min(1),
  z.object({ da: z.string().min(1), en: z.string().min(1).optional(), de: z.string().min(1).optional() }).strict(),
]);

/** An event type of the event log, e.g. `login-ok`, `letter-answered`, `blocked`. */
const eventType = z.string().regex(/^[a-z0-9-]{2,40}$/, 'an event type of the event log, e.g. login-ok or letter-read');

/** A page of the sandbox itself (never another host), where the exercise starts. */
const startPath = z
  .string()
  .regex(/^\/([a-z0-9-]+(\/[a-z0-9-]+)*)?(\?[a-z]+=[a-z0-9-]+)?$/, 'a path of the sandbox such as /post or /login?service=post');

/**
 * One exercise of a scenario: done the moment the trainee's event log holds one of its
 * `events` (with the fields of `where` in the event's data, when given; `letterSender` is
 * the sender key of the letter an event names, e.g. `skattestyrelsen`). Nothing is stored
 * about it beyond the log itself.
 */
export const exerciseSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{2,40}$/, '2-40 small letters, digits or dashes'),
    title: localisedText,
    /** How to do it, shown as the next step. */
    hint: localisedText.optional(),
    start: startPath.optional(),
    events: z.array(eventType).min(1, 'at least one event type that completes the exercise').max(5, 'at most 5 event types'),
    where: z.record(z.string().regex(/^[A-Za-z0-9]{1,40}$/), z.union([z.string().max(80), z.number(), z.boolean()])).optional(),
  })
  .strict();

export const exercisesSchema = z
  .array(exerciseSchema)
  .max(30)
  .default([])
  .superRefine((exercises, ctx) => {
    const seen = new Set<string>();
    exercises.forEach((exercise, index) => {
      if (seen.has(exercise.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: 'an id no other exercise has' });
      seen.add(exercise.id);
    });
  });

export type ExerciseEntry = z.infer<typeof exerciseSchema>;
