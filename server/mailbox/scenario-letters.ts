import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ScenarioInvalid } from '../common/errors.ts';
import { projectRoot } from '../common/project-root.ts';
import type { ScenarioFile } from '../scenario/scenario-schema.ts';
import { sendersFileSchema, type LetterTemplate, type SenderEntry } from './letter-schema.ts';
import type { MailboxRepository } from './mailbox-repository.ts';
import type { MailboxService } from './mailbox-service.ts';
import type { GeneratedAttachment, LetterKind, Sender } from './types.ts';

/** The senders every class has (tax office, municipality, ...), beside each scenario's own. */
export const standardSendersFile = path.join(projectRoot, 'seed/senders.yaml');

/** Reads the standard senders (`seed/senders.yaml`); a missing file means none. */
export function standardSenders(file: string): SenderEntry[] {
  if (!fs.existsSync(file)) return [];
  const parsed = sendersFileSchema.safeParse(YAML.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new ScenarioInvalid(
      file,
      parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), expected: issue.message })),
    );
  }
  return parsed.data.senders;
}

function toSender(entry: SenderEntry): Sender {
  return {
    key: entry.key,
    name: entry.name,
    kind: entry.kind,
    writable: entry.writable,
    autoReply: entry.autoReply ? { afterMs: entry.autoReply.after, subject: entry.autoReply.subject, body: entry.autoReply.body } : null,
  };
}

/**
 * The letters and senders a scenario gives a class. Loading stores them with the class;
 * restoring a trainee (load or reset) delivers that trainee's letters again, with times
 * relative to the moment of the restore on the class clock.
 */
export class ScenarioLetters {
  constructor(
    private readonly repo: MailboxRepository,
    private readonly mailbox: MailboxService,
    private readonly sendersFile: string,
  ) {}

  load(classId: number, scenario: ScenarioFile, file = 'the scenario'): void {
    const senders = new Map<string, Sender>();
    for (const entry of [...standardSenders(this.sendersFile), ...scenario.senders]) senders.set(entry.key, toSender(entry));
    const known = (name: string) => senders.has(name) || [...senders.values()].some((sender) => sender.name === name);
    const problems: { field: string; expected: string }[] = [];
    const check = (letters: LetterTemplate[], prefix: string) =>
      letters.forEach((letter, index) => {
        if (!known(letter.sender)) {
          problems.push({ field: `${prefix}letters[${index}].sender`, expected: `one of the senders: ${[...senders.keys()].join(', ')}` });
        }
      });
    check(scenario.letters, '');
    scenario.trainees.forEach((trainee, index) => check(trainee.letters, `trainees[${index}].`));
    if (problems.length > 0) throw new ScenarioInvalid(file, problems);

    this.repo.replaceSenders(classId, [...senders.values()]);
    const count = scenario.trainees.length;
    this.repo.replaceTemplates(classId, [
      ...scenario.letters.map((template) => ({ profileIndex: null, profileCount: count, template })),
      ...scenario.trainees.flatMap((trainee, index) =>
        trainee.letters.map((template) => ({ profileIndex: index, profileCount: count, template })),
      ),
    ]);
  }

  /** Delivers the scenario's letters to the trainee at this position, as of `now`. */
  restore(citizenId: number, classId: number, position: number, now: number): void {
    for (const template of this.repo.templatesFor(classId, position) as LetterTemplate[]) {
      const at = now + template.arrives;
      this.mailbox.deliver(
        citizenId,
        {
          sender: template.sender,
          subject: template.subject,
          body: template.body,
          kind: template.kind as LetterKind,
          answerable: template.answerable,
          deadline: template.deadline === undefined ? null : at + template.deadline,
          attachments: template.attachments.map((attachment): GeneratedAttachment => ({
            filename: attachment.file,
            generator: attachment.type,
            spec: { payslip: template.payslip, taxAssessment: template.taxAssessment, contract: template.contract },
          })),
          data: {
            payslip: template.payslip,
            taxAssessment: template.taxAssessment,
            contract: template.contract,
            reminder: template.reminder,
          },
        },
        { at, actor: 'system', read: template.read },
      );
    }
  }
}
