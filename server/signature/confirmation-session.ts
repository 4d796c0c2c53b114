import type { Transfer } from '../bank/bank-service.ts';

/** Confirmations in progress, kept in the session between the password/form step and the key step. */
declare module 'express-session' {
  interface SessionData {
    /** A signature whose password was right; the key code is asked next (R3). */
    signing?: { letterId: number; mitidRequest?: number };
    /** A bank transfer waiting for its key code. */
    bankTransfer?: Transfer;
    /** The MitID app's request that approves that transfer, after a MitID login. */
    bankMitidRequest?: number;
  }
}

export {};
