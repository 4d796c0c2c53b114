import type { ActionResult, BlockingService } from '../blocking/blocking-service.ts';
import type { IssuerReason } from '../blocking/types.ts';
import type { Citizen } from '../citizen/types.ts';
import type { MailboxService } from '../mailbox/mailbox-service.ts';
import type { Sender } from '../mailbox/types.ts';
import type { Db } from '../storage/connection.ts';
import type { ClassRow } from '../classes/types.ts';

/** A letter the teacher writes in the story: from one of the class's senders or any name. */
export interface TeacherLetter {
  /** A sender's key from the class's list of senders, or the name of any other sender. */
  sender: string;
  subject: string;
  body: string;
  answerable: boolean;
}

/**
 * The teacher acting in the story: sending a letter to one trainee or the whole class,
 * now on the class clock, through Digital Post itself (so it is delivered, counted and
 * logged like any other letter, R8-R10); and playing the issuer, who blocks and unblocks
 * a NemID (R15) through the blocking service itself (sessions end, the owner gets a letter).
 */
export class StoryService {
  constructor(
    private readonly db: Db,
    private readonly mailbox: MailboxService,
    private readonly blocking: BlockingService,
  ) {}

  /** The issuer blocks the trainee's NemID for one of the seed's reasons (R15), the teacher named as operator. */
  blockAsIssuer(citizen: Citizen, reason: IssuerReason, teacher: string): ActionResult {
    return this.blocking.blockByIssuer(citizen.id, reason, { actor: 'issuer', channel: 'issuer', operator: `teacher ${teacher}` });
  }

  /** The issuer opens a locked or blocked NemID at once (as support does for LOCK002, LOCK003 or a block). */
  unblockAsIssuer(citizen: Citizen, teacher: string): ActionResult {
    return this.blocking.unblock(citizen.id, { actor: 'issuer', channel: 'issuer', operator: `teacher ${teacher}` });
  }

  senders(klass: ClassRow): Sender[] {
    return this.mailbox.senders(klass.id);
  }

  /** Delivers the letter to every one of these trainees in one transaction; returns how many got it. */
  sendLetter(recipients: Citizen[], letter: TeacherLetter): number {
    this.db.transaction(() => {
      for (const citizen of recipients) {
        this.mailbox.deliver(
          citizen.id,
          { sender: letter.sender, subject: letter.subject, body: letter.body, kind: 'letter', answerable: letter.answerable },
          { actor: 'teacher' },
        );
      }
    })();
    return recipients.length;
  }
}
