import { describe, expect, it } from 'vitest';
import { commands } from '../../server/cli/commands.ts';
import { seededContext, testConfig } from '../helpers/context.ts';

describe('sandbox teacher add', () => {
  it('records the new account in the event log, as the console does, with the command line as actor', async () => {
    const ctx = await seededContext();
    await commands(ctx, testConfig()).run(['teacher', 'add', 'dora'], { password: 'dora-password-1' });
    const added = ctx.events.list({}).filter((event) => event.type === 'teacher-added' && event.data.username === 'dora');
    expect(added.map((event) => [event.actor, event.data])).toEqual([['cli', { username: 'dora', createdBy: null }]]);
  });
});
