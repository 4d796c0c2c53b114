import { verifyAgainstNothing, verifyPassword, hashPassword } from '../common/passwords.ts';
import { UsageError } from '../common/errors.ts';
import type { ClassRepository } from './class-repository.ts';
import type { TeacherRepository } from './teacher-repository.ts';
import type { ClassRow, TeacherRow } from './types.ts';

/**
 * Teacher accounts and what a teacher may see: classes they created, and the shared
 * classes loaded from the command line (no owner).
 */
export class TeacherService {
  constructor(
    private readonly teachers: TeacherRepository,
    private readonly classes: ClassRepository,
  ) {}

  async add(username: string, password: string): Promise<number> {
    if (!/^[A-Za-z0-9._-]{3,40}$/.test(username)) throw new UsageError('A teacher username has 3-40 letters, digits, dots, dashes or underscores');
    if (password.length < 10 || password.length > 200) throw new UsageError('A teacher password has at least 10 characters');
    if (this.teachers.findByUsername(username)) throw new UsageError(`A teacher named ${username} exists already`);
    return this.teachers.insert(username, await hashPassword(password), Date.now());
  }

  async authenticate(username: string, password: string): Promise<TeacherRow | undefined> {
    const teacher = this.teachers.findByUsername(username);
    if (!teacher) return verifyAgainstNothing(password).then(() => undefined);
    return (await verifyPassword(teacher.passwordHash, password)) ? teacher : undefined;
  }

  visibleClasses(teacherId: number): ClassRow[] {
    return this.classes.listClasses().filter((klass) => klass.teacherId === null || klass.teacherId === teacherId);
  }

  /** The class with this code if this teacher may see it; otherwise nothing, as if it did not exist. */
  visibleClass(teacherId: number, code: string): ClassRow | undefined {
    const klass = this.classes.findByCode(code);
    if (!klass || klass.kind !== 'class') return undefined;
    return klass.teacherId === null || klass.teacherId === teacherId ? klass : undefined;
  }
}
