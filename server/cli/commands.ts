import type { Config } from '../config.ts';
import { effectiveState, formatCpr, type Citizen } from '../citizen/types.ts';
import { stepMs } from '../common/clock.ts';
import { UsageError } from '../common/errors.ts';
import type { Context } from '../context.ts';
import { cardInHand } from '../keycard/keycard-print.ts';
import type { ClassRow } from '../classes/types.ts';
import { letterCommands } from './letter-commands.ts';
import { table } from './table.ts';

export interface Options {
  json?: boolean;
  class?: string;
  user?: string;
  scenario?: string;
  trainees?: string;
  password?: string;
  to?: string;
  from?: string;
  subject?: string;
  body?: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The `sandbox` commands; each returns what it prints. */
export function commands(ctx: Context, config: Config) {
  const classOf = (code: string): ClassRow => {
    const klass = ctx.classes.findByCode(code);
    if (!klass) throw new UsageError(`No class with the code "${code}"`);
    return klass;
  };
  const citizenOf = (userId: string): Citizen => {
    const citizen = ctx.citizens.findByIdentifier(userId);
    if (!citizen) throw new UsageError(`No trainee with the user ID, NemID number or CPR number "${userId}"`);
    return citizen;
  };
  const need = (value: string | undefined, what: string): string => {
    if (!value) throw new UsageError(`Missing ${what}`);
    return value;
  };
  const classesFor = (code: string | undefined): ClassRow[] => (code ? [classOf(code)] : ctx.classes.listClasses());

  const traineeRow = (citizen: Citizen, klass: ClassRow) => ({
    userId: citizen.userId ?? citizen.nemidNumber,
    nemidNumber: citizen.nemidNumber,
    cpr: formatCpr(citizen.cpr),
    name: citizen.name,
    class: klass.code,
    password: citizen.knownPassword,
    state: effectiveState(citizen, ctx.clock.now(klass.id)),
    ...ctx.mitid.statusOf(citizen.id),
    mitidUserId: ctx.mitid.identityOf(citizen.id)?.userId ?? null,
    mitidPassword: ctx.mitid.identityOf(citizen.id)?.knownPassword ?? null,
  });

  const handlers: Record<string, (args: string[], options: Options) => Promise<string> | string> = {
    ...letterCommands(ctx, citizenOf),
    'scenario list': (_args, options) => {
      const list = ctx.library.list();
      if (options.json) return JSON.stringify(list, null, 2);
      return table(
        ['name', 'class', 'trainees', 'title'],
        list.map((s) => [s.name, s.classCode, String(s.trainees), typeof s.title === 'string' ? s.title : (s.title.en ?? s.title.da)]),
      );
    },
    'scenario load': async ([name], options) => {
      const klass = await ctx.scenarios.load(need(name, 'the scenario name'), { classCode: options.class, actor: 'cli' });
      const count = ctx.citizens.listInClass(klass.id).length;
      return options.json
        ? JSON.stringify({ class: klass.code, scenario: klass.scenario, trainees: count })
        : `Loaded scenario ${klass.scenario} into class ${klass.code} (${count} trainees).`;
    },
    'class create': async ([code], options) => {
      const count = Number(need(options.trainees, '--trainees <n>'));
      const klass = await ctx.scenarios.createClass(
        need(code, 'the class code'),
        need(options.scenario, '--scenario <name>'),
        count,
        null,
        'cli',
      );
      return `Created class ${klass.code} from scenario ${klass.scenario} with ${count} trainees.`;
    },
    'class reset': ([code], options) => {
      const klass = classOf(need(code, 'the class code'));
      const result = ctx.scenarios.reset(klass.id, { actor: 'cli' });
      return options.json
        ? JSON.stringify({ class: klass.code, trainees: result.trainees, ms: Math.round(result.ms) })
        : `Reset class ${klass.code} (${result.trainees} trainees) in ${Math.round(result.ms)} ms.`;
    },
    trainees: (_args, options) => {
      const rows = classesFor(options.class).flatMap((klass) =>
        ctx.citizens.listInClass(klass.id).map((citizen) => traineeRow(citizen, klass)),
      );
      if (options.json) return JSON.stringify(rows, null, 2);
      return table(
        ['class', 'name', 'userId', 'nemidNumber', 'cpr', 'password', 'state'],
        rows.map((r) => [r.class, r.name, r.userId, r.nemidNumber, r.cpr, r.password ?? '(own)', r.state]),
      );
    },
    keycard: ([userId], options) => {
      const citizen = citizenOf(need(userId, 'the user ID'));
      const now = ctx.clock.now(citizen.classId);
      // The card the login asks a key from now: after a renewal the new one once it has arrived.
      const { card, onItsWay } = cardInHand(ctx.keycards, citizen, now);
      if (!card) {
        const waiting = onItsWay ? ` (card ${onItsWay.cardNumber} is on its way by post, arrives ${iso(onItsWay.arrivesAt)})` : '';
        throw new UsageError(`${citizen.name} has no key card the login can ask${waiting}`);
      }
      const keys = card.keys;
      if (options.json) {
        return JSON.stringify(
          {
            cardNumber: card.cardNumber.replace(/-/g, ''),
            keys,
            ...(onItsWay && { next: { cardNumber: onItsWay.cardNumber.replace(/-/g, ''), arrivesAt: iso(onItsWay.arrivesAt) } }),
          },
          null,
          2,
        );
      }
      const rows = Math.ceil(keys.length / 4);
      const lines = [`Key card ${card.cardNumber} of ${citizen.name} (TRAINING CARD, used keys marked *)`];
      if (card.status === 'sent') lines.push(`New card: it came by post ${iso(card.arrivesAt)}; the login asks its keys from now on.`);
      if (onItsWay)
        lines.push(
          `A new card ${onItsWay.cardNumber} is on its way by post and arrives ${iso(onItsWay.arrivesAt)}; until then the login asks this card.`,
        );
      for (let r = 0; r < rows; r += 1) {
        lines.push(
          [0, 1, 2, 3]
            .map((c) => keys[c * rows + r])
            .filter((k) => k !== undefined)
            .map((k) => `${k.key} ${k.code}${k.used ? '*' : ' '}`)
            .join('   '),
        );
      }
      return lines.join('\n');
    },
    'teacher add': async ([username], options) => {
      await ctx.teacherConsole.teachers.add(need(username, 'the username'), need(options.password, '--password <password>'));
      return `Teacher ${username} can now log in at /teacher.`;
    },
    'operator add': async ([username], options) => {
      await ctx.issuer.addOperator(need(username, 'the username'), need(options.password, '--password <password>'), ctx.realNow());
      return `Issuer operator ${username} can now sign in at /issuer/login.`;
    },
    'clock show': (_args, options) => {
      // Practising alone has a clock of its own too: every class of one is listed, after the teachers' classes.
      const rows = (options.class ? [classOf(options.class)] : [...ctx.classes.listClasses(), ...ctx.classes.listPracticeClasses()]).map(
        (klass) => ({
          class: klass.code,
          kind: klass.kind === 'selfstudy' ? 'practice' : 'class',
          now: iso(ctx.clock.now(klass.id)),
          offsetMs: ctx.classes.clockOffset(klass.id),
        }),
      );
      if (options.json) return JSON.stringify(options.class ? rows[0] : rows, null, 2);
      return table(
        ['class', 'kind', 'time on the class clock', 'ahead of real time'],
        rows.map((r) => [r.class, r.kind, r.now, `${Math.round(r.offsetMs / 60_000)} min`]),
      );
    },
    'clock advance': ([duration], options) => {
      const step = need(duration, 'the duration (e.g. 8h, 4d or 4wd for working days)');
      try {
        stepMs(step, ctx.realNow());
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      const lines = classesFor(options.class).map((klass) => {
        // Working days depend on the day each clock shows; what fell due happens as on the class page.
        const now = ctx.time.advanceBy(klass.id, step, { actor: 'cli' });
        return `Class ${klass.code}: the clock is now ${iso(now)}`;
      });
      return lines.join('\n') || 'There are no classes.';
    },
    events: (_args, options) => {
      const klass = options.class ? classOf(options.class) : undefined;
      const citizen = options.user ? citizenOf(options.user) : undefined;
      const names = new Map<number, string>();
      const rows = ctx.events.list({ classId: klass?.id, citizenId: citizen?.id }).map((event) => {
        if (event.citizenId !== null && !names.has(event.citizenId)) {
          const who = ctx.citizens.findById(event.citizenId);
          names.set(event.citizenId, who?.userId ?? who?.nemidNumber ?? '');
        }
        return {
          id: event.id,
          at: iso(event.at),
          class: event.classId === null ? null : (ctx.classes.findById(event.classId)?.code ?? null),
          user: event.citizenId === null ? null : (names.get(event.citizenId) ?? null),
          actor: event.actor,
          type: event.type,
          rule: event.rule,
          data: event.data,
        };
      });
      if (options.json) return JSON.stringify(rows, null, 2);
      return table(
        ['at', 'class', 'user', 'type', 'rule'],
        rows.map((r) => [r.at, r.class ?? '', r.user ?? '', r.type, r.rule ?? '']),
      );
    },
  };

  return {
    async run(positionals: string[], options: Options): Promise<string> {
      const [first, second, ...rest] = positionals;
      const twoWord = `${first} ${second}`;
      if (handlers[twoWord]) return handlers[twoWord](rest, options);
      if (first && handlers[first] && !first.includes(' '))
        return handlers[first](
          [second, ...rest].filter((x): x is string => x !== undefined),
          options,
        );
      throw new UsageError(`Unknown command "${positionals.join(' ')}"`);
    },
    config,
  };
}
