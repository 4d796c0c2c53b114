/** Every URL of the app in one place. */
export const paths = {
  home: '/',
  healthz: '/healthz',
  /** Browsers ask for /favicon.ico on their own; it redirects to the SVG icon in public/. */
  favicon: '/favicon.ico',
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
    /** Starts the next lesson of practising alone (server/selfstudy/practice-lessons.ts). */
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
    klass: (code: string) => `/teacher/classes/${encodeURIComponent(code)}`,
    classCards: (code: string) => `/teacher/classes/${encodeURIComponent(code)}/cards`,
    classPdf: (code: string) => `/teacher/classes/${encodeURIComponent(code)}/cards.pdf`,
    classReset: (code: string) => `/teacher/classes/${encodeURIComponent(code)}/reset`,
    /** What a class was like just before a reset, and the same as CSV. */
    classArchive: (code: string, id: number) => `/teacher/classes/${encodeURIComponent(code)}/archives/${id}`,
    classArchiveProgressCsv: (code: string, id: number) => `/teacher/classes/${encodeURIComponent(code)}/archives/${id}/progress.csv`,
    classArchiveDebriefCsv: (code: string, id: number) => `/teacher/classes/${encodeURIComponent(code)}/archives/${id}/debrief.csv`,
    classClock: (code: string) => `/teacher/classes/${encodeURIComponent(code)}/clock`,
    classInstructions: (code: string) => `/teacher/classes/${encodeURIComponent(code)}/instructions`,
    classLetters: (code: string) => `/teacher/classes/${encodeURIComponent(code)}/letters`,
    classCsv: (code: string, what: 'events' | 'progress') => `/teacher/classes/${encodeURIComponent(code)}/${what}.csv`,
    trainee: (id: number) => `/teacher/trainees/${id}`,
    traineeCard: (id: number) => `/teacher/trainees/${id}/card`,
    traineeReset: (id: number) => `/teacher/trainees/${id}/reset`,
    traineeLetters: (id: number) => `/teacher/trainees/${id}/letters`,
    traineeBlock: (id: number) => `/teacher/trainees/${id}/block`,
    traineeUnblock: (id: number) => `/teacher/trainees/${id}/unblock`,
    traineeExemption: (id: number) => `/teacher/trainees/${id}/exemption`,
    traineeBankActivation: (id: number) => `/teacher/trainees/${id}/bank-activation`,
    scenarios: '/teacher/scenarios',
    newScenario: '/teacher/scenarios/new',
    scenario: (name: string) => `/teacher/scenarios/${encodeURIComponent(name)}`,
    scenarioDownload: (name: string) => `/teacher/scenarios/${encodeURIComponent(name)}/download`,
  },
  /** The issuer's self-service site: block, order a card, temporary password, phone line, desk (R13-R14). */
  nemid: { home: '/nemid', signIn: '/nemid/sign-in', signOut: '/nemid/sign-out', block: '/nemid/block', card: '/nemid/card', password: '/nemid/password', temporaryPassword: '/nemid/temporary-password', phone: '/nemid/phone', desk: '/nemid/desk' },
  /** The issuer operator console (R15). */
  issuer: { home: '/issuer', login: '/issuer/login', logout: '/issuer/logout', citizen: (id: number) => `/issuer/citizens/${id}`, action: (id: number, action: string) => `/issuer/citizens/${id}/${action}` },
  /** Getting MitID (server/mitid/activation-*.ts): in the app with the passport, or on MitID.dk with NemID. */
  mitid: {
    get: '/mitid/get',
    activate: '/mitid/activate',
    passport: '/mitid/activate/passport',
    chip: '/mitid/activate/chip',
    userId: '/mitid/activate/user-id',
    password: '/mitid/activate/password',
    done: '/mitid/activate/done',
  },
  /** Where a trainee types the class's join code. */
  join: '/join',
  /** The trainee's exercises, the display settings (text size, contrast, guide), a class's guide switch. */
  exercises: '/exercises', preferences: '/preferences', classGuide: (code: string) => `/teacher/classes/${encodeURIComponent(code)}/guide`,
  /** The letterbox at home: every paper letter, what is on its way, and letting the time pass (practising alone). The old addresses redirect to it. */
  letterbox: { home: '/letterbox', leave: '/letterbox/leave', wait: '/letterbox/wait', oldNemid: '/nemid/letterbox', oldEnrolment: '/get-nemid/letterbox', oldPaper: '/post/paper' },
  /** Getting a NemID (R1, R6-R8): the guide, the two desks, the bank's activation, the letterbox at home. */
  enrolment: { guide: '/get-nemid', borgerservice: '/get-nemid/borgerservice', handedOver: '/get-nemid/borgerservice/your-nemid', bank: '/get-nemid/bank', ordered: '/get-nemid/bank/ordered', activate: '/get-nemid/bank/activate' },
  /** Exemption from Digital Post at Borgerservice (R16-R21). */
  exemption: { home: '/exemption', apply: '/exemption/apply', form: '/exemption/form', decision: (id: number) => `/exemption/decisions/${id}`, attestation: (id: number) => `/exemption/decisions/${id}/attestation`, attestationPdf: (id: number) => `/exemption/decisions/${id}/attestation.pdf`, end: '/exemption/end', contact: '/exemption/contact' },
  /** Digital Post (R8-R12): the mailbox, its boxes, letters and folders. */
  post: {
    inbox: '/post', sent: '/post/sent', trash: '/post/trash', emptyTrash: '/post/trash/empty' /* GET asks to confirm, POST empties */,
    deadlines: '/post/deadlines', notifications: '/post/notifications', write: '/post/write', folders: '/post/folders',
    folder: (id: number | string) => `/post/folders/${id}`,
    renameFolder: (id: number | string) => `/post/folders/${id}/rename`,
    /** GET asks to confirm, POST deletes the folder (its letters go back to the inbox). */
    deleteFolder: (id: number | string) => `/post/folders/${id}/delete`,
    letter: (id: number | string) => `/post/letters/${id}`,
    attachment: (id: number | string, attachmentId: number | string) => `/post/letters/${id}/attachments/${attachmentId}`,
    answer: (id: number | string) => `/post/letters/${id}/answer`,
    forward: (id: number | string) => `/post/letters/${id}/forward`,
    move: (id: number | string) => `/post/letters/${id}/move`,
    delete: (id: number | string) => `/post/letters/${id}/delete`,
    sign: (id: number | string) => `/post/letters/${id}/sign`,
    /** The key step of a signature; which letter is kept in the session. */
    signKey: '/post/sign/key',
  },
  /** Other services on the same NemID (R2, R11): the citizen portal, the tax folder, the online bank. */
  portal: '/borger',
  tax: { home: '/skat', answer: '/skat/answer' },
  bank: { home: '/bank', transfer: '/bank/transfer', confirm: '/bank/transfer/confirm', cancel: '/bank/transfer/cancel', showCode: '/bank/transfer/confirm/code-display' },
  /** The security workshop (R5): the facilitator's console, and what participants meet (a look-alike site on this host, a call, reporting a letter). */
  workshop: { home: '/workshop', quiz: '/workshop/quiz', workshop: (id: number | string) => `/workshop/${id}`, attacks: (id: number | string) => `/workshop/${id}/attacks`, launch: (id: number | string, attackId: number | string) => `/workshop/${id}/attacks/${attackId}/launch`, clock: (id: number | string) => `/workshop/${id}/clock`, end: (id: number | string) => `/workshop/${id}/end`, attacker: (id: number | string) => `/workshop/${id}/attacker`, session: (id: number | string, targetId: number | string) => `/workshop/${id}/attacker/${targetId}`, replay: (id: number | string) => `/workshop/${id}/replay`, debrief: (id: number | string) => `/workshop/${id}/debrief`, debriefCsv: (id: number | string) => `/workshop/${id}/debrief.csv`, lookAlike: (token: string) => `/nemid-secure-login.dk-verify/${token}`, lookAlikePhoto: (token: string) => `/nemid-secure-login.dk-verify/${token}/photo`, call: (token: string) => `/call/${token}`, report: (letterId: number | string) => `/post/letters/${letterId}/report` },
} as const;

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
