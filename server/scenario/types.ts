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
  /**
   * MitID (docs/mitid.md, "What the sandbox simulates"). How long an approval request waits
   * in the app: no source gives the real time, so this is the sandbox's own choice.
   */
  mitidAppTimeoutSeconds: number;
  /** Wrong codes in a row before a code display is temporarily blocked [S13]. */
  mitidCodeTries: number;
  /** How long that block lasts: "a short period" [S13], the minutes are the sandbox's choice. */
  mitidCodeBlockMinutes: number;
  /** How long a code display's code is valid; 0 = until used or the next is shown (not sourced; the sandbox's choice). */
  mitidCodeValiditySeconds: number;
}

export const defaultSettings: ScenarioSettings = {
  keysPerCard: 148,
  renewAtKeysLeft: 20,
  maxExtraCards: 3,
  passwordTries: 5,
  passwordTriesAfterTemporaryLock: 3,
  keyTries: 3,
  temporaryLockHours: 8,
  mitidAppTimeoutSeconds: 300,
  mitidCodeTries: 3,
  mitidCodeBlockMinutes: 15,
  mitidCodeValiditySeconds: 0,
};
