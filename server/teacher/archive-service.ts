import type { CitizenRepository } from '../citizen/citizen-repository.ts';
import type { EventLog } from '../common/event-log.ts';
import type { ResetRequest } from '../scenario/scenario-service.ts';
import type { DebriefService } from '../workshop/debrief-service.ts';
import { debriefRecord } from '../workshop/debrief-records.ts';
import type { Workshop } from '../workshop/types.ts';
import type { ArchiveRepository } from './archive-repository.ts';
import { progressRecord } from './progress-records.ts';
import type { ProgressService } from './progress-service.ts';
import type { ClassRow } from '../classes/types.ts';
import type { ArchiveSummary, ResetArchive } from './types.ts';

export interface ArchiveDeps {
  repo: ArchiveRepository;
  citizens: CitizenRepository;
  events: EventLog;
  progress: ProgressService;
  debrief: DebriefService;
  /** Every workshop of the class, newest first, whoever ran it. */
  workshopsOfClass: (classId: number) => Workshop[];
  realNow: () => number;
}

/**
 * The archives kept before resets: a reset deletes the trainees' events, and with them
 * their progress and their steps in every workshop debrief, so the class's progress table
 * and every debrief of the class are kept as they were the moment before. Wired into
 * ScenarioService.reset (beforeReset), so a reset from the console and one from the
 * command line are archived alike. A practice NemID (self-study) has no teacher to read
 * an archive, so none is kept for it.
 */
export class ArchiveService {
  constructor(private readonly deps: ArchiveDeps) {}

  workshopsOf(klass: ClassRow): Workshop[] {
    return this.deps.workshopsOfClass(klass.id);
  }

  /** Keeps the class's progress and its debriefs as they are now; runs in the reset's transaction. */
  keep(reset: ResetRequest): number | null {
    const { klass } = reset;
    if (klass.kind !== 'class') return null;
    const progress = this.deps.progress.ofClass(klass);
    const workshops = this.workshopsOf(klass).map((workshop) => ({
      id: workshop.id,
      startedAt: workshop.startedAt,
      endedAt: workshop.endedAt,
      rows: this.deps.debrief.facts(workshop).map(debriefRecord),
    }));
    const trainee = reset.citizenId === null ? undefined : this.deps.citizens.findById(reset.citizenId);
    const id = this.deps.repo.insert({
      classId: klass.id,
      reason: reset.reason,
      actor: reset.actor,
      teacherId: reset.teacherId,
      traineeName: trainee?.name ?? null,
      archivedAt: this.deps.realNow(),
      classTime: progress.now,
      snapshot: { progress: { totals: progress.totals, trainees: progress.trainees.map(progressRecord) }, workshops },
    });
    this.deps.events.record({
      classId: klass.id,
      citizenId: null,
      actor: reset.actor,
      type: 'reset-archived',
      rule: null,
      data: { archive: id, reason: reset.reason, trainees: progress.trainees.length, workshops: workshops.length },
      at: progress.now,
    });
    return id;
  }

  list(klass: ClassRow): ArchiveSummary[] {
    return this.deps.repo.ofClass(klass.id);
  }

  find(klass: ClassRow, id: number): ResetArchive | undefined {
    return Number.isSafeInteger(id) ? this.deps.repo.find(klass.id, id) : undefined;
  }
}
