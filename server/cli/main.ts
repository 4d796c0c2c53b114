import { parseArgs } from 'node:util';
import { boot } from '../boot.ts';
import { ScenarioInvalid, UsageError } from '../common/errors.ts';
import { commands } from './commands.ts';

const usage = `Usage: sandbox <command> [options]   (also: npm run sandbox -- <command> ...)

  scenario list [--json]
  scenario load <name> [--class <code>]
  class create <code> --scenario <name> --trainees <n>
  class reset <code>
  trainees [--class <code>] [--json]
  keycard <userId> [--json]
  teacher add <username> --password <password>
  operator add <username> --password <password>   an issuer operator for /issuer
  clock show [--class <code>] [--json]
  clock advance <duration> [--class <code>]      durations: 30m, 8h, 4d, 1w
  events [--class <code>] [--user <userId>] [--json]
  letter send (--class <code> | --to <userId>) --from <sender> --subject <text> --body <text>
  letters <userId> [--json]                     id, sender, subject, read, folder, deliveredAt

The database is DB_PATH (default data/sandbox.db).`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      class: { type: 'string' },
      user: { type: 'string' },
      scenario: { type: 'string' },
      trainees: { type: 'string' },
      password: { type: 'string' },
      to: { type: 'string' },
      from: { type: 'string' },
      subject: { type: 'string' },
      body: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || positionals.length === 0) {
    process.stdout.write(`${usage}\n`);
    return positionals.length === 0 && !values.help ? 2 : 0;
  }
  const { config, ctx } = boot();
  try {
    const out = await commands(ctx, config).run(positionals, values);
    process.stdout.write(out.endsWith('\n') ? out : `${out}\n`);
    return 0;
  } finally {
    ctx.db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (
      error instanceof UsageError ||
      error instanceof ScenarioInvalid ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      process.stderr.write(`sandbox: ${(error as Error).message}\n`);
      if (!(error instanceof ScenarioInvalid)) process.stderr.write(`Run "sandbox --help" for the commands.\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`sandbox: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
