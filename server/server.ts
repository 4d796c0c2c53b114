import { createApp } from './app.ts';
import { boot, createLogger, seedIfEmpty } from './boot.ts';
import { createFairServer } from './common/first-come.ts';

const { config, ctx } = boot();
const logger = createLogger(config.logLevel);
if (await seedIfEmpty(ctx, config)) logger.info({ scenario: config.defaultScenario }, 'loaded the default scenario');

// Not app.listen(): requests first come, first served (server/common/first-come.ts).
const server = createFairServer(createApp(ctx, config, logger));
const listening = (error?: Error) => {
  if (error) {
    // e.g. the port is taken: say so and stop, rather than report ready and exit 0
    logger.fatal({ err: error, port: config.port }, 'could not listen');
    ctx.db.close();
    process.exit(1);
  }
  logger.info({ port: config.port, db: config.dbPath }, 'NemID training sandbox is ready');
};
// As app.listen() does: a failure to listen reaches the same callback.
server.once('error', listening);
server.listen(config.port, () => {
  server.removeListener('error', listening);
  listening();
});

function shutdown(signal: string): void {
  logger.info({ signal }, 'shutting down');
  server.close(() => {
    ctx.db.close();
    process.exit(0);
  });
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
