import { UsageError } from '../common/errors.ts';
import type { EventLog } from '../common/event-log.ts';
import { translateDataKey, translator } from '../common/i18n.ts';
import { hashPassword, verifyAgainstNothing, verifyPassword } from '../common/passwords.ts';
import type { ClassRepository } from '../classes/class-repository.ts';
import type { TeacherRepository } from './teacher-repository.ts';
import type { ClassRow } from '../classes/types.ts';
import type { TeacherAccount, TeacherRow } from './types.ts';

export interface NewAccount {
  username: string;
  password: string;
  repeat: string;
}

export type AccountErrors = Partial<Record<keyof NewAccount, string[]>>;

/**
 * Teacher accounts and what a teacher may see: the classes they created, and the shared
 * classes loaded from the command line (no owner), which every teacher sees.
 */
export class TeacherService {
  constructor(
    private readonly teachers: TeacherRepository,
    private readonly classes: ClassRepository,
    private readonly events?: EventLog,
    private readonly realNow: () => number = Date.now,
  ) {}

  /** What is wrong with a new account, as locale keys per field (empty when nothing is). */
  accountProblems(input: NewAccount): AccountErrors {
    const errors: AccountErrors = {};
    if (!/^[A-Za-z0-9._-]{3,40}$/.test(input.username)) errors.username = ['teacher:accounts.errors.usernameFormat'];
    else if (this.teachers.findByUsername(input.username)) errors.username = ['teacher:accounts.errors.usernameTaken'];
    if (input.password.length < 10 || input.password.length > 200) errors.password = ['teacher:accounts.errors.passwordLength'];
    if (input.password !== input.repeat) errors.repeat = ['teacher:accounts.errors.repeatDiffers'];
    return errors;
  }

  /** Creates an account (argon2id) for a new teacher; `createdBy` is the teacher who made it, null for the CLI. */
  async create(input: NewAccount, createdBy: number | null): Promise<{ ok: true; id: number } | { ok: false; errors: AccountErrors }> {
    const errors = this.accountProblems(input);
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    const hash = await hashPassword(input.password);
    let id: number;
    try {
      id = this.teachers.insert(input.username, hash, this.realNow(), createdBy);
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE')
        return { ok: false, errors: { username: ['teacher:accounts.errors.usernameTaken'] } };
      throw error;
    }
    this.events?.record({
      classId: null,
      citizenId: null,
      actor: createdBy === null ? 'cli' : 'teacher',
      type: 'teacher-added',
      rule: null,
      data: { username: input.username, createdBy },
      at: this.realNow(),
    });
    return { ok: true, id };
  }

  /** The teacher switched projector mode on or off (kept in their session; logged for the record). */
  projectorSwitched(teacherId: number, on: boolean): void {
    this.events?.record({
      classId: null,
      citizenId: null,
      actor: 'teacher',
      type: 'projector-switched',
      rule: null,
      data: { teacherId, on },
      at: this.realNow(),
    });
  }

  /** The command line's `teacher add`: the same rules, the first problem in English. */
  async add(username: string, password: string): Promise<number> {
    const result = await this.create({ username, password, repeat: password }, null);
    if (!result.ok) {
      const english = translator('en');
      throw new UsageError(
        Object.values(result.errors)
          .flat()
          .map((key) => translateDataKey(english, key))
          .join(' '),
      );
    }
    return result.id;
  }

  async authenticate(username: string, password: string): Promise<TeacherRow | undefined> {
    const teacher = this.teachers.findByUsername(username);
    if (!teacher) return verifyAgainstNothing(password).then(() => undefined);
    return (await verifyPassword(teacher.passwordHash, password)) ? teacher : undefined;
  }

  findById(id: number): TeacherRow | undefined {
    return this.teachers.findById(id);
  }

  accounts(): TeacherAccount[] {
    return this.teachers.list();
  }

  visibleClasses(teacherId: number): ClassRow[] {
    return this.classes.listVisibleTo(teacherId);
  }

  /** The class with this code if this teacher may see it; otherwise nothing, as if it did not exist. */
  visibleClass(teacherId: number, code: string): ClassRow | undefined {
    const klass = this.classes.findByCode(code);
    if (!klass || klass.kind !== 'class') return undefined;
    return klass.teacherId === null || klass.teacherId === teacherId ? klass : undefined;
  }
}
