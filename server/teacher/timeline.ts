import type { EventRow } from '../common/event-log.ts';

/**
 * A trainee's timeline as it really happened on the class clock (issue 14 item 9). The
 * event log records a letter, a key card or a temporary password when it is sent, with the
 * time it arrives in its data; the timeline shows the arrival when the class clock has
 * passed it, and nothing of it before. Each entry names who did it: the trainee, a
 * teacher, the issuer, or the class clock (a lock that ends, post that arrives).
 */

export type TimelineActor = 'clock' | 'teacher' | 'issuer' | 'trainee' | 'cli' | 'system' | 'anonymous';

export interface TimelineEntry {
  /** The event's id; an arrival carries the id of the event that sent it. */
  id: number;
  at: number;
  type: string;
  rule: string | null;
  actor: TimelineActor;
  /** More about the event, as a locale key and its values (which key was asked, which was typed). */
  detail?: { key: string; values: Record<string, string> };
  /** The logged event the entry comes from (for an arrival, the event that sent it). */
  event: EventRow;
}

const letterTypes = new Set(['letter-delivered', 'paper-post-sent']);

/** Who really did what an event records: time's doings are the clock's, the issuer's letters and renewals the issuer's. */
export function realActor(event: EventRow): TimelineActor {
  if (event.type === 'lock-expired') return 'clock';
  if (event.type === 'card-issued' && event.data.reason === 'renewal') return 'issuer';
  if (letterTypes.has(event.type)) {
    if (typeof event.data.deliveredAt === 'number' && event.data.deliveredAt > event.at) return 'clock';
    if (event.actor === 'system' && event.data.senderKind === 'issuer') return 'issuer';
  }
  return event.actor;
}

function wrongKeyDetail(event: EventRow): TimelineEntry['detail'] {
  const asked = event.data.askedKey;
  if (typeof asked !== 'string') return undefined;
  const typed = event.data.typedCodeOf;
  if (typeof typed === 'string') return { key: 'teacher:timeline.wrongKeyOther', values: { asked, typed } };
  if (typed === null) return { key: 'teacher:timeline.wrongKeyNone', values: { asked } };
  return { key: 'teacher:timeline.wrongKeyAsked', values: { asked } };
}

/** When something sent by post arrives (a key card, a temporary password), if later than its sending. */
function postArrival(event: EventRow): { type: string; at: number } | undefined {
  const arrives =
    event.type === 'card-issued' ? event.data.arrivesAt : event.type === 'temporary-password-issued' ? event.data.usableFrom : undefined;
  if (typeof arrives !== 'number' || arrives <= event.at) return undefined;
  return { type: event.type === 'card-issued' ? 'card-arrived' : 'temporary-password-arrived', at: arrives };
}

/** The entries of events (a trainee's, or a class's for the CSV) as of `now` on the class clock, in the order they happened. */
export function timelineOf(events: EventRow[], now: number): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const event of events) {
    const base = { id: event.id, type: event.type, rule: event.rule, actor: realActor(event), event };
    if (letterTypes.has(event.type)) {
      const arrives = typeof event.data.deliveredAt === 'number' ? event.data.deliveredAt : event.at;
      const detail = {
        key: 'teacher:timeline.letter',
        values: { sender: String(event.data.sender ?? ''), subject: String(event.data.subject ?? '') },
      };
      if (arrives <= now) entries.push({ ...base, at: arrives, detail });
      continue;
    }
    entries.push({ ...base, at: event.at, detail: event.type === 'wrong-key' ? wrongKeyDetail(event) : undefined });
    const arrival = postArrival(event);
    if (arrival && arrival.at <= now) entries.push({ ...base, ...arrival, actor: 'clock' });
  }
  return entries.sort((a, b) => a.at - b.at || a.id - b.id);
}
