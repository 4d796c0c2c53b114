import type { Citizen } from '../citizen/types.ts';
import { csvTime, type CsvTable } from '../common/csv.ts';
import type { Translate } from '../common/i18n.ts';
import type { TraineeProgress } from './progress-service.ts';

/**
 * One trainee's row of the progress table as plain values: a row of the progress CSV,
 * and what a reset archive keeps of the trainee (no password, no hash, no card).
 */
export type ProgressRecord = Omit<TraineeProgress, 'citizen'> & Pick<Citizen, 'name' | 'nemidNumber' | 'userId'>;

export function progressRecord(row: TraineeProgress): ProgressRecord {
  const { citizen, ...figures } = row;
  return { ...figures, name: citizen.name, nemidNumber: citizen.nemidNumber, userId: citizen.userId };
}

/** The progress CSV's columns in the reader's language, one row per trainee. */
export function progressTable(t: Translate, records: ProgressRecord[]): CsvTable {
  const header = (
    [
      'name',
      'nemidNumber',
      'userId',
      'state',
      'lockCode',
      'logins',
      'keysUsed',
      'keysLeft',
      'wrongPasswords',
      'wrongKeys',
      'locks',
      'unreadLetters',
      'exercisesDone',
      'needsHelp',
      'lastActivity',
    ] as const
  ).map((column) => t(`teacher:csv.${column}`));
  const rows = records.map((record) => [
    record.name,
    record.nemidNumber,
    record.userId ?? '',
    t(`teacher:states.${record.state}`),
    record.lockCode ?? '',
    record.logins,
    record.keysUsed,
    record.keysLeft,
    record.wrongPasswords,
    record.wrongKeys,
    record.locks,
    record.unreadLetters ?? '',
    record.exercisesDone ?? '',
    record.needsHelp ? t('teacher:csv.yes') : t('teacher:csv.no'),
    csvTime(record.lastActivity),
  ]);
  return { header, rows };
}
