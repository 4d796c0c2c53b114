import path from 'node:path';
import cookieParser from 'cookie-parser';
import ejs from 'ejs';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Config } from './config.ts';
import './common/session-types.ts';
import { projectRoot } from './common/project-root.ts';
import { DomainError } from './common/errors.ts';
import { languageMiddleware } from './common/language.ts';
import { loadHelpLanguages } from './common/help-languages.ts';
import { localesDir } from './common/i18n.ts';
import { screenLanguageMiddleware } from './common/screen-language.ts';
import type { Logger } from './common/logger.ts';
import { csrf, loginRateLimit, securityHeaders, sessions } from './common/security.ts';
import type { Context } from './context.ts';
import { enrolmentRoutes } from './enrolment/enrolment-routes.ts';
import { publicServiceGuards } from './enrolment/public-access.ts';
import { exemptionRoutes } from './exemption/exemption-routes.ts';
import { classGuideRoutes } from './teacher/class-guide-routes.ts';
import { exerciseRoutes } from './exercises/exercise-routes.ts';
import { homeRoutes } from './home/home-routes.ts';
import { issuerRoutes } from './issuer/issuer-routes.ts';
import { selfServiceRoutes } from './blocking/self-service-routes.ts';
import { supportRoutes } from './blocking/support-routes.ts';
import { loginRoutes } from './login/login-routes.ts';
import { mitidAppRoutes } from './mitid/app-routes.ts';
import { mitidRoutes } from './mitid/mitid-routes.ts';
import { activationRoutes } from './mitid/activation-routes.ts';
import { letterboxRoutes } from './letterbox/letterbox-routes.ts';
import { bankRoutes } from './bank/bank-routes.ts';
import { mailboxRoutes } from './mailbox/mailbox-routes.ts';
import { signatureRoutes } from './signature/signature-routes.ts';
import { letterUploads } from './mailbox/mailbox-validation.ts';
import { myNemidRoutes } from './mynemid/mynemid-routes.ts';
import { portalRoutes } from './portal/portal-routes.ts';
import { taxRoutes } from './tax/tax-routes.ts';
import { paths, routes, serviceFrom, temporaryPasswordFromLogin } from './paths.ts';
import { selfStudyRoutes } from './selfstudy/selfstudy-routes.ts';
import { teacherRoutes } from './teacher/teacher-routes.ts';
import { scenarioUploads } from './teacher/scenario-upload.ts';
import { cardPhotoUploads } from './workshop/photo-upload.ts';
import { workshopRoutes } from './workshop/workshop-routes.ts';

/** The routes whose forms are multipart, each with the reader of its files. */
export const uploadRoutes = [
  { pattern: routes.post.write, reader: letterUploads }, // letters with attachments
  { pattern: routes.post.answer, reader: letterUploads },
  { pattern: routes.teacher.scenarios, reader: scenarioUploads }, // scenario files
  { pattern: routes.teacher.scenario, reader: scenarioUploads },
  { pattern: routes.workshop.lookAlikePhoto, reader: cardPhotoUploads }, // the look-alike's photo of the key card (never stored)
] as const;

/** Renders the error page (title key = message key + "Title"); never shows a stack trace. */
function renderError(res: Response, status: number, messageKey: string, params: Record<string, string | number> = {}): void {
  res.status(status).render('errors/error', { titleKey: `${messageKey}Title`, messageKey, params }, (error, html) => {
    if (error) res.type('text/plain').send('The training sandbox could not show this page.');
    else res.send(html);
  });
}

const root = projectRoot;

/** Every page of the app; adding a part of the story adds one line here. */
function registerRoutes(app: express.Express, ctx: Context, config: Config): void {
  const limit = loginRateLimit(config);
  const guards = publicServiceGuards(ctx.enrolment); // listed on each public service route (R7)
  app.use(exerciseRoutes(ctx, config.tls)); // first: every page gets the display settings, the guide and the exercises' news
  // First: a staged call (R5) rings on every page of a signed-in participant. The workshop page moves the class clock as the class page does.
  app.use(mitidAppRoutes(ctx)); // every page of a MitID holder links to their MitID app, where requests wait
  app.use(workshopRoutes(ctx.workshop, ctx.teacherConsole.classes, guards));
  app.use(homeRoutes(ctx));
  app.use(letterboxRoutes(ctx, limit)); // before the login and Digital Post: every page may show what a trainee waits for, and /post/paper leads here
  app.use(loginRoutes(ctx.login, limit));
  app.use(mitidRoutes(ctx, limit)); // MitID beside NemID, at the same /login?service=...
  app.use(activationRoutes(ctx, limit)); // getting MitID: the passport in the app, or NemID on MitID.dk
  app.use(myNemidRoutes(ctx));
  app.use(enrolmentRoutes(ctx, config.tls), exemptionRoutes(ctx));
  app.use(
    mailboxRoutes(ctx.post, guards),
    signatureRoutes(ctx.post, ctx.mitid, guards),
    portalRoutes(ctx.post, guards),
    taxRoutes(ctx.post, guards),
    bankRoutes(ctx.post, ctx.mitid),
  );
  app.use(selfStudyRoutes(ctx, config.tls));
  app.use(teacherRoutes(ctx, limit, config.publicBaseUrl));
  app.use(classGuideRoutes(ctx)); // a class's guide switch, on the teacher's class page
  app.use(selfServiceRoutes(ctx, limit), supportRoutes(ctx, limit), issuerRoutes(ctx, limit));
}

export function createApp(ctx: Context, config: Config, logger?: Logger): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.locals.realNow = ctx.realNow;
  const viewsDir = path.join(root, 'views');
  // Compiled templates are kept (compiling each page on each request costs most of its time); NODE_ENV=development re-reads them.
  const keepCompiled = process.env.NODE_ENV !== 'development';
  // EJS 7 no longer reads Express's 'view options', so its options are given here:
  // - root: includes name their file from views/ ('/partials/top'), resolved against it
  //   without the file-system check EJS makes for a relative name on every include of
  //   every page (4 % of an inbox page's CPU; test/docs/view-includes.test.ts);
  // - compileDebug off where templates are kept: without the line bookkeeping EJS adds to
  //   every statement for error messages.
  const ejsOptions = { root: viewsDir, views: [viewsDir], cache: keepCompiled, compileDebug: !keepCompiled };
  app.engine('ejs', (file: string, data: object, callback: (error: Error | null, html?: string) => void) => {
    ejs.renderFile(file, data, ejsOptions, callback);
  });
  app.set('view engine', 'ejs');
  app.set('views', viewsDir);
  app.set('trust proxy', config.trustProxy);
  if (keepCompiled) app.enable('view cache');

  app.use(securityHeaders(config));
  app.use('/static', express.static(path.join(root, 'public'), { maxAge: '1h', index: false }));
  app.get(routes.favicon, (_req: Request, res: Response) => res.redirect(301, paths.faviconSvg));
  app.use(cookieParser());
  // Language and paths first, so that even an error page of a malformed request is translated.
  app.use(languageMiddleware(config.tls));
  app.use((req, res, next) => {
    res.locals.paths = paths;
    res.locals.temporaryPasswordFromLogin = (service: unknown) => temporaryPasswordFromLogin(serviceFrom(service));
    res.locals.currentPath = req.path;
    next();
  });
  app.use(express.urlencoded({ extended: false, limit: '100kb', parameterLimit: 50 }));
  app.use(sessions(config, ctx.sessionStore, ctx.secrets.session, ctx.realNow));
  const { protect, tokenForViews, invalidCsrfTokenError } = csrf(config, ctx.secrets.session);
  app.use(tokenForViews);
  // Danish screens with help in the trainee's language (after the session: the choice and the trainee signed in are read there).
  const helpLanguages = loadHelpLanguages([localesDir, ...(config.extraLocalesDir ? [config.extraLocalesDir] : [])]);
  app.use(
    screenLanguageMiddleware(helpLanguages, config.tls, (req) =>
      req.session.citizenId === undefined ? undefined : ctx.citizens.findById(req.session.citizenId)?.lang,
    ),
  );
  app.use((req, res, next) => {
    res.locals.loggedIn = req.session.citizenId !== undefined;
    next();
  });
  // Multipart forms, read on their own routes before the CSRF check needs _csrf (listed in uploadRoutes).
  for (const { pattern, reader } of uploadRoutes) app.post(pattern, reader());
  app.use(protect);

  registerRoutes(app, ctx, config);

  app.use((_req: Request, res: Response) => {
    renderError(res, 404, 'errors:notFound');
  });

  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    if (error === invalidCsrfTokenError) return renderError(res, 403, 'errors:csrf');
    if (error instanceof DomainError) return renderError(res, error.status, error.messageKey, error.params);
    const status = (error as { status?: number }).status;
    if (status === 413 || status === 400) return renderError(res, status, 'errors:badRequest');
    logger?.error({ err: error, path: req.path }, 'unhandled error');
    renderError(res, 500, 'errors:server');
  });

  return app;
}
