import { describe, expect, it } from 'vitest';
import { languages, readLocales } from '../../server/common/i18n.ts';
import { deskChecks, desks } from '../../server/enrolment/types.ts';
import { idChoices, reasonChoices } from '../../server/exemption/types.ts';

const resources = readLocales();

function lookup(lang: (typeof languages)[number], key: string): unknown {
  const [ns, rest] = key.split(':') as [string, string];
  return rest.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resources[lang][ns]);
}

describe('the locale keys the desk and exemption pages build from parts', () => {
  it('exist in Danish, English and German', () => {
    const built = [
      ...desks.flatMap((desk) => ['title', 'intro', 'refused', 'submit'].map((part) => `enrolment:desk.${desk}.${part}`)),
      ...desks.map((desk) => `enrolment:desks.${desk}`),
      ...deskChecks.flatMap((check) => [`enrolment:checks.${check}`, `enrolment:refusals.${check}`]),
      ...['witness', 'bring', 'handedOver', 'public'].flatMap((row) =>
        ['label', 'borgerservice', 'bank'].map((part) => `enrolment:guide.ways.rows.${row}.${part}`),
      ),
      ...['yes', 'no'].map((value) => `enrolment:desk.hasCprOptions.${value}`),
      ...['id', 'cpr-document'].map((value) => `enrolment:desk.bringsOptions.${value}`),
      ...['id', 'declaration'].map((value) => `enrolment:desk.witness.doesOptions.${value}`),
      ...['loggedIn', 'practice'].map((via) => `enrolment:visitor.${via}`),
      ...reasonChoices.map((reason) => `exemption:reasons.${reason}`),
      ...idChoices.map((id) => `exemption:ids.${id}`),
      ...['no-valid-id', 'no-valid-reason'].map((rejection) => `exemption:rejections.${rejection}`),
      ...['granted', 'rejected'].map((outcome) => `exemption:outcomes.${outcome}`),
      ...['already', 'ended', 'contacted', 'notExempt', 'notOutside'].map((notice) => `exemption:notices.${notice}`),
      ...['name', 'cpr', 'address', 'phone', 'date', 'signature'].map((field) => `exemption:printable.fields.${field}`),
      ...['post', 'portal', 'tax'].map((service) => `login:services.${service}`),
    ];
    for (const lang of languages) for (const key of built) expect(lookup(lang, key), `${lang} ${key}`).toBeTypeOf('string');
  });
});
