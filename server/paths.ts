/** Every URL of the app in one place. */
export const paths = {
  home: '/',
  healthz: '/healthz',
  login: {
    start: '/login',
    newPassword: '/login/new-password',
    key: '/login/key',
  },
  logout: '/logout',
  myNemid: '/my-nemid',
  practice: {
    start: '/practice',
    welcome: '/practice/welcome',
    card: '/practice/card',
    reset: '/practice/reset',
  },
  teacher: {
    home: '/teacher',
    login: '/teacher/login',
    logout: '/teacher/logout',
    classCards: (code: string) => `/teacher/classes/${encodeURIComponent(code)}/cards`,
    traineeCard: (id: number) => `/teacher/trainees/${id}/card`,
  },
  /** The issuer's self-service site: block, order a card, temporary password, phone line, desk (R13-R14). */
  nemid: { home: '/nemid', signIn: '/nemid/sign-in', signOut: '/nemid/sign-out', block: '/nemid/block', card: '/nemid/card', password: '/nemid/password', temporaryPassword: '/nemid/temporary-password', phone: '/nemid/phone', desk: '/nemid/desk' },
  /** The issuer operator console (R15). */
  issuer: { home: '/issuer', login: '/issuer/login', logout: '/issuer/logout', citizen: (id: number) => `/issuer/citizens/${id}`, action: (id: number, action: string) => `/issuer/citizens/${id}/${action}` },
} as const;

/** The services that log in with NemID (R2), by the `service` query value. */
export const services = {
  mynemid: paths.myNemid,
} as const satisfies Record<string, string>;

export type ServiceId = keyof typeof services;

export function serviceFrom(value: unknown): ServiceId {
  return typeof value === 'string' && Object.hasOwn(services, value) ? (value as ServiceId) : 'mynemid';
}
