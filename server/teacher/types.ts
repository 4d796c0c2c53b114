import type { ScenarioSettings } from '../scenario/types.ts';

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
