// The Danish texts are the type of every translation key: a key that is not in locales/da fails tsc.
import type blocking from '../../locales/da/blocking.json' with { type: 'json' };
import type common from '../../locales/da/common.json' with { type: 'json' };
import type credentials from '../../locales/da/credentials.json' with { type: 'json' };
import type enrolment from '../../locales/da/enrolment.json' with { type: 'json' };
import type errors from '../../locales/da/errors.json' with { type: 'json' };
import type exemption from '../../locales/da/exemption.json' with { type: 'json' };
import type exercises from '../../locales/da/exercises.json' with { type: 'json' };
import type guide from '../../locales/da/guide.json' with { type: 'json' };
import type home from '../../locales/da/home.json' with { type: 'json' };
import type issuer from '../../locales/da/issuer.json' with { type: 'json' };
import type keycard from '../../locales/da/keycard.json' with { type: 'json' };
import type letterbox from '../../locales/da/letterbox.json' with { type: 'json' };
import type login from '../../locales/da/login.json' with { type: 'json' };
import type mailbox from '../../locales/da/mailbox.json' with { type: 'json' };
import type mitid from '../../locales/da/mitid.json' with { type: 'json' };
import type mitidactivation from '../../locales/da/mitidactivation.json' with { type: 'json' };
import type mynemid from '../../locales/da/mynemid.json' with { type: 'json' };
import type selfstudy from '../../locales/da/selfstudy.json' with { type: 'json' };
import type services from '../../locales/da/services.json' with { type: 'json' };
import type signature from '../../locales/da/signature.json' with { type: 'json' };
import type teacher from '../../locales/da/teacher.json' with { type: 'json' };
import type workshop from '../../locales/da/workshop.json' with { type: 'json' };

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      blocking: typeof blocking;
      common: typeof common;
      credentials: typeof credentials;
      enrolment: typeof enrolment;
      errors: typeof errors;
      exemption: typeof exemption;
      exercises: typeof exercises;
      guide: typeof guide;
      home: typeof home;
      issuer: typeof issuer;
      keycard: typeof keycard;
      letterbox: typeof letterbox;
      login: typeof login;
      mailbox: typeof mailbox;
      mitid: typeof mitid;
      mitidactivation: typeof mitidactivation;
      mynemid: typeof mynemid;
      selfstudy: typeof selfstudy;
      services: typeof services;
      signature: typeof signature;
      teacher: typeof teacher;
      workshop: typeof workshop;
    };
  }
}
