/**
 * Every URL of the app in one place. `routes` holds each route's pattern once (what the
 * route files register); `paths` holds what links and redirects use: the pattern itself
 * when it has no parameters, else a builder that fills them in order (`pathFor`).
 */
export const routes = {
  home: '/',
  healthz: '/healthz',
  /** Browsers ask for /favicon.ico on their own; it redirects to the SVG icon in public/. */
  favicon: '/favicon.ico',
  /** Not a route: a file that express.static serves from public/. */
  faviconSvg: '/static/favicon.svg',
  login: {
    start: '/login',
    newPassword: '/login/new-password',
    key: '/login/key',
    /** "Afbryd": breaks off the login at any step (a POST, with CSRF). */
    cancel: '/login/cancel',
    /** MitID beside NemID (server/mitid/): the user ID, then the authenticator, each a step under it. */
    mitid: '/login/mitid',
    mitidApp: '/login/mitid/app',
    mitidCode: '/login/mitid/code',
    mitidShowCode: '/login/mitid/code/show',
    mitidPassword: '/login/mitid/password',
    mitidChoose: '/login/mitid/choose',
    mitidCancel: '/login/mitid/cancel',
    mitidAgain: '/login/mitid/app/again',
  },
  logout: '/logout',
  myNemid: '/my-nemid',
  practice: {
    start: '/practice',
    welcome: '/practice/welcome',
    card: '/practice/card',
    reset: '/practice/reset',
    /** Starts the next lesson of practising alone (server/exercises/practice-lessons.ts). */
    next: '/practice/next',
  },
  teacher: {
    home: '/teacher',
    login: '/teacher/login',
    logout: '/teacher/logout',
    accounts: '/teacher/accounts',
    guide: '/teacher/guide',
    projector: '/teacher/projector',
    newClass: '/teacher/classes/new',
    classes: '/teacher/classes',
    klass: '/teacher/classes/:code',
    classCards: '/teacher/classes/:code/cards',
    classPdf: '/teacher/classes/:code/cards.pdf',
    classReset: '/teacher/classes/:code/reset',
    /** What a class was like just before a reset, and the same as CSV. */
    classArchive: '/teacher/classes/:code/archives/:archive',
    classArchiveProgressCsv: '/teacher/classes/:code/archives/:archive/progress.csv',
    classArchiveDebriefCsv: '/teacher/classes/:code/archives/:archive/debrief.csv',
    classClock: '/teacher/classes/:code/clock',
    classInstructions: '/teacher/classes/:code/instructions',
    classLetters: '/teacher/classes/:code/letters',
    classEventsCsv: '/teacher/classes/:code/events.csv',
    classProgressCsv: '/teacher/classes/:code/progress.csv',
    trainee: '/teacher/trainees/:id',
    traineeCard: '/teacher/trainees/:id/card',
    traineeReset: '/teacher/trainees/:id/reset',
    traineeLetters: '/teacher/trainees/:id/letters',
    traineeBlock: '/teacher/trainees/:id/block',
    traineeUnblock: '/teacher/trainees/:id/unblock',
    traineeExemption: '/teacher/trainees/:id/exemption',
    traineeBankActivation: '/teacher/trainees/:id/bank-activation',
    scenarios: '/teacher/scenarios',
    newScenario: '/teacher/scenarios/new',
    scenario: '/teacher/scenarios/:name',
    scenarioDownload: '/teacher/scenarios/:name/download',
  },
  /** The issuer's self-service site: block, order a card, temporary password, phone line, desk (R13-R14). */
  nemid: {
    home: '/nemid',
    signIn: '/nemid/sign-in',
    signOut: '/nemid/sign-out',
    block: '/nemid/block',
    card: '/nemid/card',
    password: '/nemid/password',
    temporaryPassword: '/nemid/temporary-password',
    phone: '/nemid/phone',
    phoneIdentify: '/nemid/phone/identify',
    phoneReason: '/nemid/phone/reason',
    phoneHelp: '/nemid/phone/help',
    phoneHangUp: '/nemid/phone/hang-up',
    desk: '/nemid/desk',
  },
  /** The issuer operator console (R15). */
  issuer: {
    home: '/issuer',
    login: '/issuer/login',
    logout: '/issuer/logout',
    citizen: '/issuer/citizens/:id',
    action: '/issuer/citizens/:id/:action',
  },
  /** Getting MitID (server/mitid/activation-*.ts): in the app with the passport, or on MitID.dk with NemID. */
  mitid: {
    get: '/mitid/get',
    activate: '/mitid/activate',
    passport: '/mitid/activate/passport',
    chip: '/mitid/activate/chip',
    userId: '/mitid/activate/user-id',
    password: '/mitid/activate/password',
    done: '/mitid/activate/done',
    /** The participant's own MitID app, reachable from every page's header: the requests waiting in it (server/mitid/app-controller.ts). */
    app: '/mitid/app',
    appRequest: '/mitid/app/:requestId',
  },
  /** Where a trainee types the class's join code. */
  join: '/join',
  /** The trainee's exercises, the display settings (text size, contrast, guide), a class's guide switch. */
  exercises: '/exercises',
  preferences: '/preferences',
  classGuide: '/teacher/classes/:code/guide',
  /** The letterbox at home: every paper letter, what is on its way, and letting the time pass (practising alone). The old addresses redirect to it. */
  letterbox: {
    home: '/letterbox',
    leave: '/letterbox/leave',
    wait: '/letterbox/wait',
    oldNemid: '/nemid/letterbox',
    oldEnrolment: '/get-nemid/letterbox',
    oldPaper: '/post/paper',
  },
  /** Getting a NemID (R1, R6-R8): the guide, the two desks, the bank's activation, the letterbox at home. */
  enrolment: {
    guide: '/get-nemid',
    borgerservice: '/get-nemid/borgerservice',
    handedOver: '/get-nemid/borgerservice/your-nemid',
    bank: '/get-nemid/bank',
    ordered: '/get-nemid/bank/ordered',
    activate: '/get-nemid/bank/activate',
  },
  /** Exemption from Digital Post at Borgerservice (R16-R21). */
  exemption: {
    home: '/exemption',
    apply: '/exemption/apply',
    form: '/exemption/form',
    decision: '/exemption/decisions/:id',
    attestation: '/exemption/decisions/:id/attestation',
    attestationPdf: '/exemption/decisions/:id/attestation.pdf',
    end: '/exemption/end',
    contact: '/exemption/contact',
  },
  /** Digital Post (R8-R12): the mailbox, its boxes, letters and folders. */
  post: {
    inbox: '/post',
    sent: '/post/sent',
    trash: '/post/trash',
    /** GET asks to confirm, POST empties. */
    emptyTrash: '/post/trash/empty',
    deadlines: '/post/deadlines',
    notifications: '/post/notifications',
    write: '/post/write',
    folders: '/post/folders',
    folder: '/post/folders/:id',
    renameFolder: '/post/folders/:id/rename',
    /** GET asks to confirm, POST deletes the folder (its letters go back to the inbox). */
    deleteFolder: '/post/folders/:id/delete',
    letter: '/post/letters/:id',
    attachment: '/post/letters/:id/attachments/:attachmentId',
    answer: '/post/letters/:id/answer',
    forward: '/post/letters/:id/forward',
    move: '/post/letters/:id/move',
    delete: '/post/letters/:id/delete',
    sign: '/post/letters/:id/sign',
    /** The key step of a signature; which letter is kept in the session. */
    signKey: '/post/sign/key',
    /** The code display's button while signing after a MitID login. */
    signShowCode: '/post/sign/code-display',
  },
  /** Other services on the same NemID (R2, R11): the citizen portal, the tax folder, the online bank. */
  portal: '/borger',
  tax: { home: '/skat', answer: '/skat/answer' },
  bank: {
    home: '/bank',
    transfer: '/bank/transfer',
    confirm: '/bank/transfer/confirm',
    cancel: '/bank/transfer/cancel',
    showCode: '/bank/transfer/confirm/code-display',
  },
  /** The security workshop (R5): the facilitator's console, and what participants meet (a look-alike site on this host, a call, reporting a letter). */
  workshop: {
    home: '/workshop',
    quiz: '/workshop/quiz',
    workshop: '/workshop/:id',
    attacks: '/workshop/:id/attacks',
    launch: '/workshop/:id/attacks/:attackId/launch',
    clock: '/workshop/:id/clock',
    end: '/workshop/:id/end',
    attacker: '/workshop/:id/attacker',
    session: '/workshop/:id/attacker/:targetId',
    replay: '/workshop/:id/replay',
    debrief: '/workshop/:id/debrief',
    debriefCsv: '/workshop/:id/debrief.csv',
    lookAlike: '/nemid-secure-login.dk-verify/:token',
    lookAlikePhoto: '/nemid-secure-login.dk-verify/:token/photo',
    /** The MitID look-alike of a staged phishing letter: asks the MitID user ID, relays it, asks for the approval. */
    mitidLookAlike: '/mitid-sikkerhed.dk-verify/:token',
    call: '/call/:token',
    report: '/post/letters/:id/report',
  },
} as const;

/** The names of a pattern's parameters, in order: `'/a/:x/b/:y'` gives `['x', 'y']`. */
export type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? [Name, ...ParamNames<`/${Rest}`>]
  : P extends `${string}:${infer Name}`
    ? [Name]
    : [];

type ParamValue = string | number;
export type Params<P extends string> = { [Name in ParamNames<P>[number]]: ParamValue };
type Positional<Names extends string[]> = { [I in keyof Names]: ParamValue };

/** What `paths` holds for a pattern: the pattern itself without parameters, else its builder. */
export type Builder<T> = T extends string
  ? ParamNames<T> extends []
    ? T
    : (...values: Positional<ParamNames<T>>) => string
  : { readonly [K in keyof T]: Builder<T[K]> };

const paramPattern = /:([A-Za-z_][A-Za-z0-9_]*)/g;

/** A URL from a pattern: every parameter filled in and encoded; a missing one is a programming error. */
export function pathFor<P extends string>(pattern: P, ...[params]: ParamNames<P> extends [] ? [] : [Params<P>]): string {
  return pattern.replace(paramPattern, (_, name: string) => {
    const value = (params as Record<string, ParamValue | undefined> | undefined)?.[name];
    if (value === undefined || value === null || value === '') throw new Error(`pathFor('${pattern}'): no value for :${name}`);
    return encodeURIComponent(String(value));
  });
}

function builderOf(pattern: string): string | ((...values: ParamValue[]) => string) {
  const names = [...pattern.matchAll(paramPattern)].map((match) => match[1]!);
  if (names.length === 0) return pattern;
  const fill = pathFor as (pattern: string, params: Record<string, ParamValue>) => string;
  return (...values: ParamValue[]) => fill(pattern, Object.fromEntries(names.map((name, i) => [name, values[i]!])));
}

function buildersOf<T extends object>(tree: T): Builder<T> {
  const entries = Object.entries(tree).map(([key, value]) => [
    key,
    typeof value === 'string' ? builderOf(value) : buildersOf(value as object),
  ]);
  return Object.fromEntries(entries) as Builder<T>;
}

/** Links and redirects: `paths.teacher.klass(code)` is `pathFor(routes.teacher.klass, { code })`; views get it as `paths`. */
export const paths = buildersOf(routes);

/** Every pattern of `routes`, with its dotted name (`teacher.klass`). */
export function allRoutes(tree: object = routes, prefix = ''): { name: string; pattern: string }[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [{ name: `${prefix}${key}`, pattern: value }] : allRoutes(value as object, `${prefix}${key}.`),
  );
}

/** The services that log in with NemID (R2), by the `service` query value. */
export const services = {
  mynemid: paths.myNemid,
  post: paths.post.inbox,
  portal: paths.portal,
  tax: paths.tax.home,
  bank: paths.bank.home,
  /** MitID.dk, where a NemID holder gets MitID with NemID [S44] (server/mitid/activation-routes.ts). */
  mitid: paths.mitid.get,
} as const satisfies Record<string, string>;

export type ServiceId = keyof typeof services;

export function serviceFrom(value: unknown): ServiceId {
  return typeof value === 'string' && Object.hasOwn(services, value) ? (value as ServiceId) : 'mynemid';
}

/** The temporary-password page reached from a login ("Glemt adgangskode?"): its back link returns to that login. */
export function temporaryPasswordFromLogin(service: ServiceId): string {
  return `${paths.nemid.temporaryPassword}?from=${service}`;
}

/** Where the temporary-password page's back link goes: the login it came from (`from`), else NemID self-service. */
export function temporaryPasswordBack(from: unknown): { href: string; key: string; from?: ServiceId } {
  return typeof from === 'string' && Object.hasOwn(services, from)
    ? { href: `${paths.login.start}?service=${from}`, key: 'blocking:backToLogin', from: from as ServiceId }
    : { href: paths.nemid.home, key: 'blocking:back' };
}
