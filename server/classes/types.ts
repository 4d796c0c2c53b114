import type { ScenarioSettings } from '../scenario/types.ts';

/** A class: a teacher's, or a practice identity's class of one (`selfstudy`), with its own clock. */
export interface ClassRow {
  id: number;
  code: string;
  name: string;
  scenario: string;
  kind: 'class' | 'selfstudy';
  clockOffsetMs: number;
  settings: ScenarioSettings;
  generatedCount: number | null;
  teacherId: number | null;
  ownerTokenHash: string | null;
  createdAt: number;
  /** What a trainee types on the join page to find this class; every class gets one when it is made. */
  joinCode: string | null;
  /** The teacher's instructions, shown to trainees on the join page. */
  instructions: string;
}
