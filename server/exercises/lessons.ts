import { paths, serviceFrom, temporaryPasswordFromLogin } from '../paths.ts';

/** The rule behind a mistake (guide:lessons.<name>), with where to go next when there is somewhere. */
export interface Lesson {
  key: string;
  params: Record<string, string | number>;
  link?: { href: string; key: string };
}

/** What a login page was rendered with, as far as the lessons need it. */
export interface LoginPageState {
  errors?: Record<string, string[]>;
  refusal?: { key: string; params?: Record<string, string> } | null;
  feedback?: { key: string; typed?: string; asked?: string } | null;
  challenge?: { keyNumber: string; cardNumber: string } | null;
  notice?: string | null;
  /** The service the login is for: a link to the temporary password comes back to it. */
  service?: string;
}

const refusalLessons: Record<string, Omit<Lesson, 'params'>> = {
  'login:refused.LOCK001': {
    key: 'guide:lessons.lock001',
    link: { href: paths.nemid.temporaryPassword, key: 'guide:links.temporaryPassword' },
  },
  'login:refused.LOCK002': { key: 'guide:lessons.lock002', link: { href: paths.nemid.phone, key: 'guide:links.phone' } },
  'login:refused.LOCK003': { key: 'guide:lessons.lock003', link: { href: paths.nemid.phone, key: 'guide:links.phone' } },
  'login:refused.USER': {
    key: 'guide:lessons.userBlocked',
    link: { href: paths.nemid.temporaryPassword, key: 'guide:links.temporaryPassword' },
  },
  'login:refused.ISSUER': { key: 'guide:lessons.issuerBlocked', link: { href: paths.nemid.phone, key: 'guide:links.phone' } },
  'login:refused.revoked': { key: 'guide:lessons.revoked', link: { href: paths.enrolment.guide, key: 'guide:links.getNemid' } },
  'login:refused.noCard': { key: 'guide:lessons.noCard', link: { href: paths.nemid.home, key: 'guide:links.selfService' } },
};

const keyLessons: Record<string, string> = {
  'login:key.typedOtherKey': 'guide:lessons.otherKey',
  'login:key.typedUsedKey': 'guide:lessons.usedKey',
  'login:key.wrongCode': 'guide:lessons.wrongCode',
};

const fieldLessons: Record<string, string> = {
  'login:errors.wrongCredentials': 'guide:lessons.wrongPassword',
  'login:errors.wrongPassword': 'guide:lessons.wrongPassword',
  'login:errors.codeFormat': 'guide:lessons.codeFormat',
  'login:errors.stale': 'guide:lessons.stale',
  'credentials:password.repeatDiffers': 'guide:lessons.repeatPassword',
};

/**
 * The rules behind the mistakes a login page reports: why it happened and what to do
 * next, never a secret (never a code or a password).
 */
export function lessonsFor(state: LoginPageState): Lesson[] {
  const lessons: Lesson[] = [];
  const asked = state.feedback?.asked ?? state.challenge?.keyNumber ?? '';
  const card = state.challenge?.cardNumber.slice(-3) ?? '';
  const refusal = state.refusal ? refusalLessons[state.refusal.key] : undefined;
  if (refusal) lessons.push({ ...refusal, params: { until: state.refusal?.params?.until ?? '' } });
  const keyLesson = state.feedback ? keyLessons[state.feedback.key] : undefined;
  if (keyLesson) lessons.push({ key: keyLesson, params: { asked, typed: state.feedback?.typed ?? '', card } });
  const reported = Object.values(state.errors ?? {}).flat();
  for (const messageKey of new Set([...reported, state.notice ?? ''])) {
    const key = fieldLessons[messageKey];
    if (key)
      lessons.push({
        key,
        params: { asked, card },
        ...(key === 'guide:lessons.wrongPassword'
          ? { link: { href: paths.nemid.temporaryPassword, key: 'guide:links.forgotPassword' } }
          : {}),
      });
  }
  if (reported.some((key) => key.startsWith('credentials:password.') && key !== 'credentials:password.repeatDiffers')) {
    lessons.push({ key: 'guide:lessons.passwordRules', params: {} });
  }
  const fromLogin = temporaryPasswordFromLogin(serviceFrom(state.service));
  return lessons.map((lesson) =>
    lesson.link?.href === paths.nemid.temporaryPassword ? { ...lesson, link: { ...lesson.link, href: fromLogin } } : lesson,
  );
}
