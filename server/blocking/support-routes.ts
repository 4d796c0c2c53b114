import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Context } from '../context.ts';
import { formatCardNumber } from '../keycard/types.ts';
import { fieldErrors } from '../web/form.ts';
import { partOfDay } from '../common/danish-time.ts';
import { paths, routes } from '../paths.ts';
import { callReasonSchema, deskSchema, identificationSchema } from './blocking-validation.ts';
import { formFields } from '../web/form.ts';
import { forgetLoginOf, type CallLine, type PhoneCall } from './session.ts';
import type { CallOutcome } from './support-service.ts';
import { userBlockReasons } from './types.ts';

type Deps = Pick<Context, 'support' | 'mailbox' | 'temporaryPasswords' | 'citizens' | 'clock' | 'realNow'>;

const identityFields = ['name', 'cpr', 'identifier'] as const;
const callReasons = [...userBlockReasons, 'unblock'] as const;
/** After this many failed identifications the agent ends the call. */
const maxFailures = 3;

const agent = (key: string, params: CallLine['params'] = {}): CallLine => ({ who: 'agent', key: `blocking:phone.agent.${key}`, params });
const caller = (key: string, params: CallLine['params'] = {}): CallLine => ({ who: 'caller', key: `blocking:phone.caller.${key}`, params });

/** The agent greets as the hour asks: on the clock of the trainee's class when signed in, else the real one. */
function newCall(now: number): PhoneCall {
  return { step: 'identify', failures: 0, offers: [], lines: [agent(`greeting.${partOfDay(now)}`)] };
}

/** What the agent answers to the reason of the call. */
function answerTo(outcome: CallOutcome): CallLine[] {
  switch (outcome.kind) {
    case 'blocked':
      return [agent('blocked')];
    case 'not-blocked':
      return [agent('notBlocked')];
    case 'temporary-lock':
      return [agent('temporaryLock', { timeUntil: outcome.until ?? 0 })];
    case 'support-can-help':
      // Why it is blocked in plain words: the lock code itself is for teachers and support.
      return [agent(`blockedBecause.${outcome.lockCode ?? 'USER'}`), agent('canHelp')];
    case 'issuer-block':
      return [agent('issuerBlock')];
    case 'revoked':
      return [agent('revoked')];
  }
}

/** The phone line to NemID support (R14) and the desk at Borgerservice or a bank. */
export function supportRoutes(ctx: Deps, limit: RequestHandler): Router {
  const router = Router();

  const callerNow = (req: Request): number => {
    const citizen = req.session.citizenId === undefined ? undefined : ctx.citizens.findById(req.session.citizenId);
    return citizen ? ctx.clock.now(citizen.classId) : ctx.realNow();
  };

  const renderCall = (req: Request, res: Response, status: number, locals: Record<string, unknown> = {}) => {
    const call = req.session.phoneCall ?? newCall(callerNow(req));
    const lines = call.lines.map((line) => {
      const params: Record<string, string | number> = { ...line.params };
      for (const [name, value] of Object.entries(line.params)) {
        if (name.startsWith('time') && typeof value === 'number') params[name] = res.locals.time(value);
        if (name === 'reasonKey' && typeof value === 'string') params.reason = res.locals.t(value);
      }
      return { who: line.who, text: res.locals.t(line.key, params) };
    });
    res.status(status).render('blocking/phone', {
      step: call.step,
      callerId: call.citizenId ?? null,
      lines,
      offers: call.offers,
      reasons: callReasons,
      form: { name: '', cpr: '', identifier: '' },
      errors: {},
      ...locals,
    });
  };

  const say = (req: Request, ...lines: CallLine[]) => {
    const call = req.session.phoneCall ?? newCall(callerNow(req));
    call.lines = [...call.lines, ...lines].slice(-40);
    req.session.phoneCall = call;
    return call;
  };

  // After "Læg på" the page says that the call ended, above a new call that can begin.
  router.get(routes.nemid.phone, (req, res) => {
    const notice =
      req.query.hungUp === '1' ? 'blocking:phone.hungUp' : req.query.notCalled === '1' ? 'blocking:phone.hungUpBeforeCall' : null;
    renderCall(req, res, 200, { notice });
  });

  router.post(routes.nemid.phoneIdentify, limit, (req, res) => {
    const fields = formFields(req.body, identityFields);
    const form = { name: fields.name.slice(0, 100), cpr: fields.cpr.slice(0, 11), identifier: fields.identifier.slice(0, 100) };
    if ((req.session.phoneCall?.step ?? 'identify') !== 'identify') return res.redirect(303, paths.nemid.phone);
    const parsed = identificationSchema.safeParse(fields);
    if (!parsed.success) return renderCall(req, res, 400, { form, errors: fieldErrors(parsed.error) });
    const call = say(req, caller('identify', { name: parsed.data.name, cpr: parsed.data.cpr, identifier: parsed.data.identifier }));
    const citizen = ctx.support.identify(parsed.data, 'phone');
    if (!citizen) {
      call.failures += 1;
      const ended = call.failures >= maxFailures;
      say(req, agent(ended ? 'goodbyeUnknown' : 'notConfirmed'));
      if (ended) call.step = 'ended';
      return renderCall(req, res, 401, { form });
    }
    call.citizenId = citizen.id;
    call.step = 'reason';
    req.session.letterboxOf = citizen.id;
    say(req, agent('identified', { name: citizen.name }));
    res.redirect(303, paths.nemid.phone);
  });

  router.post(routes.nemid.phoneReason, (req, res) => {
    const call = req.session.phoneCall;
    if (call?.step !== 'reason' || call.citizenId === undefined) return res.redirect(303, paths.nemid.phone);
    const parsed = callReasonSchema.safeParse(formFields(req.body, ['reason'] as const));
    if (!parsed.success) return renderCall(req, res, 400, { errors: fieldErrors(parsed.error) });
    const reason = parsed.data.reason;
    say(
      req,
      caller(reason === 'unblock' ? 'unblock' : 'block', { reasonKey: `blocking:reasons.${reason === 'unblock' ? 'other' : reason}` }),
    );
    const outcome = ctx.support.call(call.citizenId, reason);
    if (outcome.kind === 'blocked') forgetLoginOf(req, res, call.citizenId);
    say(req, ...answerTo(outcome));
    const helps = outcome.kind === 'blocked' || outcome.kind === 'support-can-help';
    call.offers = helps ? ['temporary-password', ...(ctx.support.needsCard(call.citizenId) ? ['card' as const] : [])] : [];
    call.step = call.offers.length > 0 ? 'help' : 'ended';
    if (call.step === 'ended') say(req, agent('goodbye'));
    else say(req, agent('offer'));
    res.redirect(303, paths.nemid.phone);
  });

  router.post(routes.nemid.phoneHelp, async (req, res) => {
    const call = req.session.phoneCall;
    const what = formFields(req.body, ['what'] as const).what;
    if (call?.step !== 'help' || call.citizenId === undefined || !call.offers.some((offer) => offer === what)) {
      return res.redirect(303, paths.nemid.phone);
    }
    say(req, caller(what === 'card' ? 'wantCard' : 'wantPassword'));
    const result = what === 'card' ? ctx.support.sendCard(call.citizenId) : await ctx.support.sendTemporaryPassword(call.citizenId);
    say(req, result.ok ? agent(what === 'card' ? 'cardSent' : 'passwordSent', { timeArrives: result.arrivesAt }) : agent('cannot'));
    call.offers = call.offers.filter((offer) => offer !== what);
    if (call.offers.length === 0) {
      call.step = 'ended';
      say(req, agent('goodbye'));
    }
    res.redirect(303, paths.nemid.phone);
  });

  router.post(routes.nemid.phoneHangUp, (req, res) => {
    const wasInCall = req.session.phoneCall !== undefined;
    delete req.session.phoneCall;
    res.redirect(303, `${paths.nemid.phone}?${wasInCall ? 'hungUp' : 'notCalled'}=1`);
  });

  router.get(routes.nemid.desk, (_req, res) => {
    res.render('blocking/desk', { form: { place: '', name: '', cpr: '', identifier: '', photoId: false }, errors: {} });
  });

  router.post(routes.nemid.desk, limit, async (req, res) => {
    const fields = formFields(req.body, [...identityFields, 'place', 'photoId'] as const);
    const form = {
      ...fields,
      name: fields.name.slice(0, 100),
      cpr: fields.cpr.slice(0, 11),
      identifier: fields.identifier.slice(0, 100),
      photoId: fields.photoId === 'yes',
    };
    const parsed = deskSchema.safeParse(fields);
    if (!parsed.success) return res.status(400).render('blocking/desk', { form, errors: fieldErrors(parsed.error) });
    const citizen = ctx.support.identify(parsed.data, 'desk');
    if (!citizen) return res.status(401).render('blocking/desk', { form, errors: { form: ['blocking:desk.notConfirmed'] } });
    const result = await ctx.support.atDesk(citizen.id);
    if (!result.ok) return res.status(409).render('blocking/desk', { form, errors: { form: [result.message] } });
    forgetLoginOf(req, res, citizen.id);
    req.session.letterboxOf = citizen.id;
    res.render('blocking/desk', {
      form,
      errors: {},
      place: parsed.data.place,
      result: { name: citizen.name, password: result.password, cardNumber: result.cardNumber && formatCardNumber(result.cardNumber) },
    });
  });

  return router;
}
