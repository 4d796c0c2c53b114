import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Config } from './config.ts';
import './common/session-types.ts';
import { DomainError } from './common/errors.ts';
import { languageMiddleware } from './common/language.ts';
import type { Logger } from './common/logger.ts';
import { csrf, loginRateLimit, securityHeaders, sessions } from './common/security.ts';
import type { Context } from './context.ts';
import { homeRoutes } from './home/home-routes.ts';
import { loginRoutes } from './login/login-routes.ts';
import { myNemidRoutes } from './mynemid/mynemid-routes.ts';
import { paths } from './paths.ts';
import { selfStudyRoutes } from './selfstudy/selfstudy-routes.ts';
import { teacherRoutes } from './teacher/teacher-routes.ts';
import { TeacherService } from './teacher/teacher-service.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Every page of the app; adding a part of the story adds one line here. */
function registerRoutes(app: express.Express, ctx: Context, config: Config): void {
  const limit = loginRateLimit(config);
  app.use(homeRoutes());
  app.use(loginRoutes(ctx.login, limit));
  app.use(myNemidRoutes(ctx));
  app.use(selfStudyRoutes(ctx, config.tls));
  app.use(teacherRoutes(ctx, new TeacherService(ctx.teachers, ctx.classes), limit));
}

export function createApp(ctx: Context, config: Config, logger?: Logger): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('view engine', 'ejs');
  app.set('views', path.join(root, 'views'));
  app.set('trust proxy', config.trustProxy);
  if (process.env.NODE_ENV === 'production') app.enable('view cache');

  app.use(securityHeaders(config));
  app.use('/static', express.static(path.join(root, 'public'), { maxAge: '1h', index: false }));
  app.use(express.urlencoded({ extended: false, limit: '100kb', parameterLimit: 50 }));
  app.use(cookieParser());
  app.use(languageMiddleware(config.tls));
  app.use(sessions(config, ctx.sessionStore, ctx.secrets.session, ctx.realNow));
  const { protect, tokenForViews, invalidCsrfTokenError } = csrf(config, ctx.secrets.session);
  app.use(tokenForViews);
  app.use(protect);
  app.use((req, res, next) => {
    res.locals.paths = paths;
    res.locals.currentPath = req.path;
    res.locals.loggedIn = req.session.citizenId !== undefined;
    next();
  });

  registerRoutes(app, ctx, config);

  app.use((_req: Request, res: Response) => {
    res.status(404).render('errors/error', { titleKey: 'errors:notFoundTitle', messageKey: 'errors:notFound', params: {} });
  });

  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    if (error === invalidCsrfTokenError) {
      res.status(403).render('errors/error', { titleKey: 'errors:csrfTitle', messageKey: 'errors:csrf', params: {} });
      return;
    }
    if (error instanceof DomainError) {
      res.status(error.status).render('errors/error', { titleKey: `${error.messageKey}Title`, messageKey: error.messageKey, params: error.params });
      return;
    }
    const status = (error as { status?: number }).status;
    if (status === 413 || status === 400) {
      res.status(status).render('errors/error', { titleKey: 'errors:badRequestTitle', messageKey: 'errors:badRequest', params: {} });
      return;
    }
    logger?.error({ err: error, path: req.path }, 'unhandled error');
    res.status(500).render('errors/error', { titleKey: 'errors:serverTitle', messageKey: 'errors:server', params: {} });
  });

  return app;
}
