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
} as const;

/** The services that log in with NemID (R2), by the `service` query value. */
export const services = {
  mynemid: paths.myNemid,
} as const satisfies Record<string, string>;

export type ServiceId = keyof typeof services;

export function serviceFrom(value: unknown): ServiceId {
  return typeof value === 'string' && Object.hasOwn(services, value) ? (value as ServiceId) : 'mynemid';
}
