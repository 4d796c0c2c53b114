import type { Db } from '../storage/connection.ts';
import type { Attack, AttackKind, Target, TargetWithAttack, Workshop } from './types.ts';

interface RawWorkshop {
  id: number;
  class_id: number;
  teacher_id: number | null;
  started_at: number;
  ended_at: number | null;
}

interface RawAttack {
  id: number;
  workshop_id: number;
  kind: AttackKind;
  starts_at: number;
}

interface RawTarget {
  id: number;
  attack_id: number;
  citizen_id: number;
  token: string;
  letter_id: number | null;
  closed_at: number | null;
}

const toWorkshop = (raw: RawWorkshop): Workshop => ({
  id: raw.id,
  classId: raw.class_id,
  teacherId: raw.teacher_id,
  startedAt: raw.started_at,
  endedAt: raw.ended_at,
});
const toAttack = (raw: RawAttack): Attack => ({ id: raw.id, workshopId: raw.workshop_id, kind: raw.kind, startsAt: raw.starts_at });
const toTarget = (raw: RawTarget): Target => ({
  id: raw.id,
  attackId: raw.attack_id,
  citizenId: raw.citizen_id,
  token: raw.token,
  letterId: raw.letter_id,
  closedAt: raw.closed_at,
});

/** Workshops, their attacks and the participants' targets: the only SQL of the workshop. */
export class WorkshopRepository {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      insertWorkshop: db.prepare<[number, number | null, number, number]>(
        'INSERT INTO workshops (class_id, teacher_id, started_at, created_at) VALUES (?, ?, ?, ?)',
      ),
      workshop: db.prepare<[number], RawWorkshop>('SELECT * FROM workshops WHERE id = ?'),
      ofClasses: db.prepare<[string], RawWorkshop>(
        'SELECT * FROM workshops WHERE class_id IN (SELECT value FROM json_each(?)) ORDER BY id DESC',
      ),
      end: db.prepare<[number, number]>('UPDATE workshops SET ended_at = ? WHERE id = ? AND ended_at IS NULL'),
      insertAttack: db.prepare<[number, AttackKind, number]>(
        'INSERT INTO workshop_attacks (workshop_id, kind, starts_at) VALUES (?, ?, ?)',
      ),
      attacks: db.prepare<[number], RawAttack>('SELECT * FROM workshop_attacks WHERE workshop_id = ? ORDER BY starts_at, id'),
      attack: db.prepare<[number], RawAttack>('SELECT * FROM workshop_attacks WHERE id = ?'),
      attacksAfter: db.prepare<[number, number], RawAttack>(
        'SELECT * FROM workshop_attacks WHERE workshop_id = ? AND starts_at > ? ORDER BY starts_at, id',
      ),
      deleteAttack: db.prepare<[number]>('DELETE FROM workshop_attacks WHERE id = ?'),
      setStartsAt: db.prepare<[number, number]>('UPDATE workshop_attacks SET starts_at = ? WHERE id = ?'),
      targetsOfAttack: db.prepare<[number], RawTarget>('SELECT * FROM workshop_targets WHERE attack_id = ? ORDER BY id'),
      insertTarget: db.prepare<[number, number, string]>('INSERT INTO workshop_targets (attack_id, citizen_id, token) VALUES (?, ?, ?)'),
      setLetter: db.prepare<[number, number]>('UPDATE workshop_targets SET letter_id = ? WHERE id = ?'),
      targets: db.prepare<[number], RawTarget>(
        'SELECT t.* FROM workshop_targets t JOIN workshop_attacks a ON a.id = t.attack_id WHERE a.workshop_id = ? ORDER BY t.citizen_id, a.starts_at, a.id',
      ),
      target: db.prepare<[number], RawTarget>('SELECT * FROM workshop_targets WHERE id = ?'),
      byToken: db.prepare<[string], RawTarget>('SELECT * FROM workshop_targets WHERE token = ?'),
      byLetter: db.prepare<[number, number], RawTarget>('SELECT * FROM workshop_targets WHERE citizen_id = ? AND letter_id = ?'),
      ringing: db.prepare<[number, number], RawTarget>(
        `SELECT t.* FROM workshop_targets t JOIN workshop_attacks a ON a.id = t.attack_id
         WHERE t.citizen_id = ? AND a.kind IN ('support-call', 'mitid-call') AND a.starts_at <= ? AND t.closed_at IS NULL
         ORDER BY a.starts_at, t.id LIMIT 1`,
      ),
      close: db.prepare<[number, number]>('UPDATE workshop_targets SET closed_at = ? WHERE id = ? AND closed_at IS NULL'),
      duePushes: db.prepare<[number, number], RawTarget>(
        `SELECT t.* FROM workshop_targets t JOIN workshop_attacks a ON a.id = t.attack_id
         WHERE t.citizen_id = ? AND a.kind = 'mitid-push' AND a.starts_at <= ?
           AND NOT EXISTS (SELECT 1 FROM workshop_mitid_requests r WHERE r.target_id = t.id)
         ORDER BY a.starts_at, t.id`,
      ),
      linkRequest: db.prepare<[number, number]>('INSERT INTO workshop_mitid_requests (request_id, target_id) VALUES (?, ?)'),
      targetOfRequest: db.prepare<[number], RawTarget>(
        'SELECT t.* FROM workshop_targets t JOIN workshop_mitid_requests r ON r.target_id = t.id WHERE r.request_id = ?',
      ),
      requestsOfTarget: db.prepare<[number], { request_id: number }>(
        'SELECT request_id FROM workshop_mitid_requests WHERE target_id = ? ORDER BY request_id',
      ),
    };
  }

  insertWorkshop(classId: number, teacherId: number | null, startedAt: number, createdAt: number): number {
    return Number(this.s.insertWorkshop.run(classId, teacherId, startedAt, createdAt).lastInsertRowid);
  }

  workshop(id: number): Workshop | undefined {
    const raw = this.s.workshop.get(id);
    return raw && toWorkshop(raw);
  }

  /** The workshops of these classes, newest first. */
  workshopsOf(classIds: number[]): Workshop[] {
    return this.s.ofClasses.all(JSON.stringify(classIds)).map(toWorkshop);
  }

  end(id: number, at: number): boolean {
    return this.s.end.run(at, id).changes === 1;
  }

  /** The workshop's attacks that start after this time. */
  attacksAfter(workshopId: number, at: number): Attack[] {
    return this.s.attacksAfter.all(workshopId, at).map(toAttack);
  }

  targetsOfAttack(attackId: number): Target[] {
    return this.s.targetsOfAttack.all(attackId).map(toTarget);
  }

  /** Deletes an attack with its targets. */
  deleteAttack(attackId: number): void {
    this.s.deleteAttack.run(attackId);
  }

  /** Moves an attack's time on the class clock (launching it now). */
  setStartsAt(attackId: number, at: number): void {
    this.s.setStartsAt.run(at, attackId);
  }

  insertAttack(workshopId: number, kind: AttackKind, startsAt: number): number {
    return Number(this.s.insertAttack.run(workshopId, kind, startsAt).lastInsertRowid);
  }

  attacks(workshopId: number): Attack[] {
    return this.s.attacks.all(workshopId).map(toAttack);
  }

  attack(id: number): Attack | undefined {
    const raw = this.s.attack.get(id);
    return raw && toAttack(raw);
  }

  insertTarget(attackId: number, citizenId: number, token: string): number {
    return Number(this.s.insertTarget.run(attackId, citizenId, token).lastInsertRowid);
  }

  setLetter(targetId: number, letterId: number): void {
    this.s.setLetter.run(letterId, targetId);
  }

  targets(workshopId: number): Target[] {
    return this.s.targets.all(workshopId).map(toTarget);
  }

  target(id: number): Target | undefined {
    const raw = this.s.target.get(id);
    return raw && toTarget(raw);
  }

  byToken(token: string): Target | undefined {
    const raw = this.s.byToken.get(token);
    return raw && toTarget(raw);
  }

  byLetter(citizenId: number, letterId: number): Target | undefined {
    const raw = this.s.byLetter.get(citizenId, letterId);
    return raw && toTarget(raw);
  }

  /** The participant's staged call that rings now: due on the class clock, not yet answered or declined. */
  ringing(citizenId: number, now: number): Target | undefined {
    const raw = this.s.ringing.get(citizenId, now);
    return raw && toTarget(raw);
  }

  close(targetId: number, at: number): boolean {
    return this.s.close.run(at, targetId).changes === 1;
  }

  /** The participant's push-fatigue targets that are due on the class clock and have no request in the app yet. */
  duePushes(citizenId: number, now: number): Target[] {
    return this.s.duePushes.all(citizenId, now).map(toTarget);
  }

  /** Notes that a MitID app request was staged for this target. */
  linkRequest(requestId: number, targetId: number): void {
    this.s.linkRequest.run(requestId, targetId);
  }

  /** The target a staged MitID app request belongs to, if it is one. */
  targetOfRequest(requestId: number): Target | undefined {
    const raw = this.s.targetOfRequest.get(requestId);
    return raw && toTarget(raw);
  }

  /** The ids of the MitID app requests staged for a target, oldest first. */
  requestsOfTarget(targetId: number): number[] {
    return this.s.requestsOfTarget.all(targetId).map((row) => row.request_id);
  }

  /** A target with its attack and workshop. */
  withAttack(target: Target): TargetWithAttack {
    const attack = this.attack(target.attackId)!;
    return { ...target, attack, workshop: this.workshop(attack.workshopId)! };
  }
}
