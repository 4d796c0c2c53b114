import type { Actor } from '../common/event-log.ts';
import type { Db } from '../storage/connection.ts';
import type { ArchiveReason, ArchiveSummary, NewArchive, ResetArchive } from './types.ts';

interface RawSummary {
  id: number;
  class_id: number;
  reason: ArchiveReason;
  actor: Actor;
  reset_by: string | null;
  trainee_name: string | null;
  archived_at: number;
  class_time: number;
}

const toSummary = (raw: RawSummary): ArchiveSummary => ({
  id: raw.id,
  classId: raw.class_id,
  reason: raw.reason,
  actor: raw.actor,
  resetBy: raw.reset_by,
  traineeName: raw.trainee_name,
  archivedAt: raw.archived_at,
  classTime: raw.class_time,
});

const summaryColumns = 'a.id, a.class_id, a.reason, a.actor, t.username AS reset_by, a.trainee_name, a.archived_at, a.class_time';

/** The only place with SQL about the archives kept before resets. */
export class ArchiveRepository {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      insert: db.prepare<[number, string, string, number | null, string | null, number, number, string]>(
        'INSERT INTO reset_archives (class_id, reason, actor, teacher_id, trainee_name, archived_at, class_time, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      ofClass: db.prepare<[number], RawSummary>(
        `SELECT ${summaryColumns} FROM reset_archives a LEFT JOIN teachers t ON t.id = a.teacher_id WHERE a.class_id = ? ORDER BY a.id DESC`,
      ),
      one: db.prepare<[number, number], RawSummary & { snapshot: string }>(
        `SELECT ${summaryColumns}, a.snapshot FROM reset_archives a LEFT JOIN teachers t ON t.id = a.teacher_id WHERE a.class_id = ? AND a.id = ?`,
      ),
    };
  }

  insert(archive: NewArchive): number {
    const { classId, reason, actor, teacherId, traineeName, archivedAt, classTime, snapshot } = archive;
    return Number(
      this.s.insert.run(classId, reason, actor, teacherId, traineeName, archivedAt, classTime, JSON.stringify(snapshot)).lastInsertRowid,
    );
  }

  /** The class's archives, newest first, without their snapshots. */
  ofClass(classId: number): ArchiveSummary[] {
    return this.s.ofClass.all(classId).map(toSummary);
  }

  /** One archive of this class; another class's archive is not found. */
  find(classId: number, id: number): ResetArchive | undefined {
    const raw = this.s.one.get(classId, id);
    return raw && { ...toSummary(raw), snapshot: JSON.parse(raw.snapshot) };
  }
}
