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
}

export interface TeacherRow {
  id: number;
  username: string;
  passwordHash: string;
}
