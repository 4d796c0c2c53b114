import type { CitizenRepository } from '../citizen/citizen-repository.ts';
import type { ScenarioPart } from '../scenario/scenario-service.ts';
import type { MitidRepository } from './mitid-repository.ts';

/**
 * Gives each trainee the MitID of their blueprint, on every load and reset (the rows go
 * with the citizen row when it is deleted). A NemID-only trainee's blueprint has none.
 */
export class MitidScenarioPart implements ScenarioPart {
  constructor(
    private readonly citizens: CitizenRepository,
    private readonly repo: MitidRepository,
  ) {}

  load(): void {}

  restore(citizenId: number, _classId: number, _position: number, now: number): void {
    const mitid = this.citizens.blueprintOf(citizenId).mitid;
    if (!mitid || mitid.activated === false) return;
    // Fictional labels: the device's name in the app, a serial number on the code display.
    this.repo.create(citizenId, mitid, { app: 'MitID app', 'code-display': `KV ${String(100_000 + citizenId).slice(-6)}` }, now);
  }
}
