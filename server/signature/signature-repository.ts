import type { Db } from '../storage/connection.ts';

export interface Signature {
  id: number;
  letterId: number;
  citizenId: number;
  signerName: string;
  nemidNumber: string;
  signedAt: number;
  documentHash: string;
  mac: string;
}

/** The only place with SQL about digital signatures. */
export class SignatureRepository {
  private readonly stmts;

  constructor(db: Db) {
    this.stmts = {
      insert: db.prepare(
        `INSERT INTO signatures (letter_id, citizen_id, signer_name, nemid_number, signed_at, document_hash, mac)
         VALUES (@letterId, @citizenId, @signerName, @nemidNumber, @signedAt, @documentHash, @mac) ON CONFLICT(letter_id) DO NOTHING`,
      ),
      ofLetter: db.prepare<[number, number], Signature>(
        `SELECT id, letter_id AS letterId, citizen_id AS citizenId, signer_name AS signerName, nemid_number AS nemidNumber,
           signed_at AS signedAt, document_hash AS documentHash, mac FROM signatures WHERE letter_id = ? AND citizen_id = ?`,
      ),
    };
  }

  /** Stores a signature; false when the letter was signed already (by an earlier request). */
  insert(signature: Omit<Signature, 'id'>): boolean {
    return this.stmts.insert.run(signature).changes === 1;
  }

  ofLetter(citizenId: number, letterId: number): Signature | undefined {
    return this.stmts.ofLetter.get(letterId, citizenId);
  }
}
