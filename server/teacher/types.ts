import type { Actor } from '../common/event-log.ts';
import type { DebriefRecord } from '../workshop/debrief-records.ts';
import type { ProgressRecord } from './progress-records.ts';
import type { ClassProgress } from './progress-service.ts';

export interface TeacherRow {
  id: number;
  username: string;
  passwordHash: string;
}

/** A teacher account as the accounts page lists it. */
export interface TeacherAccount {
  id: number;
  username: string;
  createdAt: number;
  /** The teacher who created this account; null when it was made with the command line. */
  createdBy: string | null;
}

/** What a reset archive keeps: the class's progress table and every workshop debrief of the class, as they were. */
export interface ResetSnapshot {
  progress: { totals: ClassProgress['totals']; trainees: ProgressRecord[] };
  /** Newest first, as the workshop console lists them. */
  workshops: { id: number; startedAt: number; endedAt: number | null; rows: DebriefRecord[] }[];
}

/** What an archive was kept before: a reset of the whole class, of one trainee, or the class's scenario loaded again (command line). */
export type ArchiveReason = 'class-reset' | 'trainee-reset' | 'scenario-load';

/** An archive as the class page lists it. */
export interface ArchiveSummary {
  id: number;
  classId: number;
  reason: ArchiveReason;
  /** Who reset: `teacher` (see resetBy) or `cli`. */
  actor: Actor;
  /** The teacher who reset; null from the command line or once that account is gone. */
  resetBy: string | null;
  /** The trainee reset alone; null when the whole class was reset. */
  traineeName: string | null;
  /** Real time. */
  archivedAt: number;
  /** On the class clock, just before the reset. */
  classTime: number;
}

export interface ResetArchive extends ArchiveSummary {
  snapshot: ResetSnapshot;
}

export type NewArchive = Omit<ResetArchive, 'id' | 'resetBy'> & { teacherId: number | null };
