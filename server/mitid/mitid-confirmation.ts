import type { Request } from 'express';
import { formText } from '../web/form.ts';
import type { MitidService } from './mitid-service.ts';
import type { AuthenticatorKind, MitidAction } from './types.ts';

/** What a MitID answer inside a service comes to: done, the page again with errors, or the confirmation ended. */
export type ConfirmAnswer =
  | { kind: 'ok' }
  | { kind: 'again'; status: number; errors: Record<string, string[]>; errorParams: Record<string, Record<string, unknown>> }
  | { kind: 'ended'; status: number; key: string };

/**
 * Confirming an action inside a service after a MitID login (a bank transfer, a
 * signature): with the authenticator the login used, the app's request carrying the action
 * and its reference text [S33], or a new code from the code display (each code once). A
 * NemID login keeps its key card; `of` says which applies.
 */
export function mitidConfirmation(mitid: MitidService | undefined) {
  const kindOf = (req: Request): AuthenticatorKind => mitid!.identityOf(req.session.citizenId!)?.lastKind ?? 'app';

  return {
    /** The MitID service when this session's citizen logged in with MitID. */
    active(req: Request): boolean {
      return Boolean(mitid && req.session.loggedInWith === 'mitid' && mitid.identityOf(req.session.citizenId!));
    },

    /** Starts the confirmation: a request in the app (its id), or nothing to start for the code display. */
    start(req: Request, service: string, action: MitidAction, reference: string): number | undefined {
      if (kindOf(req) !== 'app') return undefined;
      return mitid!.requestApproval(req.session.citizenId!, service, action, reference.slice(0, 130)).id;
    },

    /** What the page shows: the authenticator, the request and the device's screen; or why it cannot be used. */
    locals(req: Request, requestId: number | undefined) {
      const citizenId = req.session.citizenId!;
      const kind = kindOf(req);
      const refusal = mitid!.refusal(citizenId, kind);
      const screen =
        typeof req.query.device === 'string' && ['open', 'confirm'].includes(req.query.device) ? req.query.device : 'notification';
      return {
        refusal,
        kind,
        request: requestId === undefined ? undefined : mitid!.request(citizenId, requestId),
        screen,
        device: mitid!.authenticators(citizenId).find((found) => found.kind === 'code-display'),
        shownCode: mitid!.shownCode(citizenId),
      };
    },

    /** The code display's button. */
    press(req: Request): boolean {
      return !('kind' in mitid!.showCode(req.session.citizenId!));
    },

    /** The app's approve or reject, or the code display's code, from the posted form. */
    answer(req: Request, requestId: number | undefined): ConfirmAnswer {
      const citizenId = req.session.citizenId!;
      if (kindOf(req) === 'code-display') {
        const code = formText(req.body, 'code').replace(/\s/g, '');
        if (!/^\d{6}$/.test(code)) return { kind: 'again', status: 400, errors: { code: ['mitid:errors.codeFormat'] }, errorParams: {} };
        const outcome = mitid!.checkCode(citizenId, code);
        if (outcome.kind === 'ok') return outcome;
        if (outcome.kind !== 'wrong') return { kind: 'again', status: 423, errors: {}, errorParams: {} };
        const key = `mitid:errors.${outcome.reason}Code`;
        return { kind: 'again', status: 401, errors: { code: [key] }, errorParams: { [key]: { count: outcome.triesLeft } } };
      }
      const decision = formText(req.body, 'decision');
      if ((decision !== 'approve' && decision !== 'reject') || requestId === undefined)
        return { kind: 'again', status: 400, errors: {}, errorParams: {} };
      const outcome = mitid!.decide(citizenId, requestId, decision === 'approve' ? 'approved' : 'rejected');
      if (outcome.kind === 'approved') return { kind: 'ok' };
      return outcome.kind === 'rejected'
        ? { kind: 'ended', status: 403, key: 'mitid:confirm.rejected' }
        : { kind: 'ended', status: 409, key: 'mitid:app.expired' };
    },
  };
}

export type MitidConfirmation = ReturnType<typeof mitidConfirmation>;
