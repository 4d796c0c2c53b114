/** The numbers of the real NemID that a scenario may change (SPEC.md's defaults table). */
export interface ScenarioSettings {
  keysPerCard: number;
  /** A new card is sent automatically when this many unused keys are left. */
  renewAtKeysLeft: number;
  maxExtraCards: number;
  /** Wrong user ID or password this many times: LOCK001, a temporary lock. */
  passwordTries: number;
  /** Wrong passwords again after a temporary lock: LOCK002, blocked until support unblocks. */
  passwordTriesAfterTemporaryLock: number;
  /** Wrong key codes this many times: LOCK003, blocked until support unblocks. */
  keyTries: number;
  temporaryLockHours: number;
}

export const defaultSettings: ScenarioSettings = {
  keysPerCard: 148,
  renewAtKeysLeft: 20,
  maxExtraCards: 3,
  passwordTries: 5,
  passwordTriesAfterTemporaryLock: 3,
  keyTries: 3,
  temporaryLockHours: 8,
};
