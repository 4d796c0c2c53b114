import type { Citizen } from '../citizen/types.ts';
import { UsageError } from '../common/errors.ts';
import type { Context } from '../context.ts';
import type { Letter } from '../mailbox/types.ts';
import type { Options } from './commands.ts';
import { table } from './table.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/** The box a letter lies in, as `sandbox letters` prints it. */
function folderOf(letter: Letter, folderNames: Map<number, string>): string {
  if (letter.channel === 'paper') return 'paper';
  if (letter.trashedAt !== null) return 'trash';
  if (letter.folderId !== null) return folderNames.get(letter.folderId) ?? 'inbox';
  return letter.direction === 'out' ? 'sent' : 'inbox';
}

/** `sandbox letter send` and `sandbox letters` (SPEC's public surface for Digital Post). */
export function letterCommands(ctx: Context, citizenOf: (userId: string) => Citizen) {
  return {
    'letter send': (_args: string[], options: Options) => {
      if (Boolean(options.class) === Boolean(options.to)) throw new UsageError('Give either --class <code> or --to <userId>');
      const need = (value: string | undefined, what: string) => {
        if (!value || value.trim() === '') throw new UsageError(`Missing ${what}`);
        return value;
      };
      const letter = {
        sender: need(options.from, '--from <sender>'),
        subject: need(options.subject, '--subject <text>'),
        body: need(options.body, '--body <text>'),
      };
      let recipients: Citizen[];
      if (options.class) {
        const klass = ctx.classes.findByCode(options.class);
        if (!klass) throw new UsageError(`No class with the code "${options.class}"`);
        recipients = ctx.citizens.listInClass(klass.id);
      } else {
        recipients = [citizenOf(options.to!)];
      }
      const sent = ctx.db.transaction(() =>
        recipients.map((citizen) => ({
          userId: citizen.userId ?? citizen.nemidNumber,
          id: ctx.mailbox.deliver(citizen.id, letter, { actor: 'cli' }),
        })),
      )();
      if (options.json) return JSON.stringify(sent, null, 2);
      return `Delivered "${letter.subject}" from ${letter.sender} to ${sent.length} mailbox${sent.length === 1 ? '' : 'es'}.`;
    },
    letters: ([userId]: string[], options: Options) => {
      if (!userId) throw new UsageError('Missing the user ID');
      const citizen = citizenOf(userId);
      ctx.mailbox.refresh(citizen.id);
      const folderNames = new Map(ctx.post.inbox.folders(citizen.id).map((folder) => [folder.id, folder.name]));
      const rows = ctx.mailbox.arrivedLetters(citizen.id).map((letter) => ({
        id: letter.id,
        sender: letter.direction === 'out' ? citizen.name : letter.senderName,
        subject: letter.subject.da,
        read: letter.readAt !== null,
        folder: folderOf(letter, folderNames),
        deliveredAt: iso(letter.deliveredAt),
      }));
      if (options.json) return JSON.stringify(rows, null, 2);
      return table(
        ['id', 'deliveredAt', 'folder', 'read', 'sender', 'subject'],
        rows.map((r) => [String(r.id), r.deliveredAt, r.folder, r.read ? 'yes' : 'no', r.sender, r.subject]),
      );
    },
  };
}
