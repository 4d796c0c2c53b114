import crypto from 'node:crypto';
import type { Citizen } from '../citizen/types.ts';
import type { ClassClock } from '../common/clock.ts';
import { NotFound } from '../common/errors.ts';
import type { EventLog } from '../common/event-log.ts';
import type { InboxService } from '../mailbox/inbox-service.ts';
import type { Letter } from '../mailbox/types.ts';
import type { Signature, SignatureRepository } from './signature-repository.ts';

export interface Verification {
  signature: Signature;
  /** The document is the same as when it was signed. */
  documentIntact: boolean;
  /** The signature record itself (who, when, which document) is the one the sandbox made. */
  sealIntact: boolean;
  valid: boolean;
}

/**
 * Digital signatures with NemID (R3): a document sent for signing (e.g. a rental contract
 * from a private sender) is signed with password and key code. The signature stores the
 * SHA-256 of the document and an HMAC-SHA256 seal over document hash, signer and time
 * under a key derived from the server secret, so changing the stored document or the
 * signature is detected when it is checked.
 */
export class SignatureService {
  private readonly sealKey: Buffer;

  constructor(
    private readonly repo: SignatureRepository,
    private readonly inbox: InboxService,
    private readonly clock: ClassClock,
    private readonly events: EventLog,
    serverSecret: string,
  ) {
    this.sealKey = crypto.createHmac('sha256', serverSecret).update('nemid-sandbox digital signature v1').digest();
  }

  /** A letter of this citizen that asks to be signed; anything else is not found. */
  document(citizenId: number, letterId: number): Letter {
    const letter = this.inbox.letter(citizenId, letterId);
    if (letter.kind !== 'signature-request' || letter.direction !== 'in') throw new NotFound();
    return letter;
  }

  /** The document as signed: what the sender sent, in a fixed order. */
  documentHash(letter: Letter): string {
    const attachments = this.inbox.attachmentsOf(letter.id).map((a) => ({ filename: a.filename, generator: a.generator, spec: a.spec }));
    const canonical = JSON.stringify([
      letter.id,
      letter.senderName,
      letter.subject,
      letter.body,
      letter.data.contract ?? null,
      attachments,
    ]);
    return crypto.createHash('sha256').update(canonical).digest('hex');
  }

  private seal(s: Omit<Signature, 'id' | 'mac'>): string {
    return crypto
      .createHmac('sha256', this.sealKey)
      .update(JSON.stringify([s.letterId, s.citizenId, s.signerName, s.nemidNumber, s.signedAt, s.documentHash]))
      .digest('hex');
  }

  signatureOf(citizenId: number, letterId: number): Signature | undefined {
    return this.repo.ofLetter(citizenId, letterId);
  }

  /** Signs after the password and the key code were confirmed; signing twice keeps the first signature. */
  sign(citizen: Citizen, letterId: number): Signature {
    const letter = this.document(citizen.id, letterId);
    const existing = this.repo.ofLetter(citizen.id, letter.id);
    if (existing) return existing;
    const now = this.clock.now(citizen.classId);
    const unsealed = {
      letterId: letter.id,
      citizenId: citizen.id,
      signerName: citizen.name,
      nemidNumber: citizen.nemidNumber,
      signedAt: now,
      documentHash: this.documentHash(letter),
    };
    if (this.repo.insert({ ...unsealed, mac: this.seal(unsealed) })) {
      this.events.record({
        classId: citizen.classId,
        citizenId: citizen.id,
        actor: 'trainee',
        type: 'document-signed',
        rule: 'R3',
        data: { letterId: letter.id, documentHash: unsealed.documentHash },
        at: now,
      });
    }
    return this.repo.ofLetter(citizen.id, letter.id)!;
  }

  /** Checks a signature against the document as stored now. */
  verify(citizenId: number, letterId: number): Verification | undefined {
    const signature = this.repo.ofLetter(citizenId, letterId);
    if (!signature) return undefined;
    const letter = this.document(citizenId, letterId);
    const documentIntact = safeEqual(this.documentHash(letter), signature.documentHash);
    const { id: _id, mac, ...unsealed } = signature;
    const sealIntact = safeEqual(this.seal(unsealed), mac);
    return { signature, documentIntact, sealIntact, valid: documentIntact && sealIntact };
  }
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}
