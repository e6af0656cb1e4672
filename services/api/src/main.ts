import { closeServer, createLogger, listen, Shutdown } from '@botflow/service-kit';
import { createApiApp } from './app.ts';
import { loadApiConfig } from './config.ts';
import { connectDependencies } from './dependencies.ts';
import { createRoutes } from './routes.ts';

const config = loadApiConfig();
const log = createLogger('api', config.LOG_LEVEL);
const shutdown = new Shutdown(log);
shutdown.listen();

const deps = await connectDependencies(config, shutdown, log);
const app = createApiApp({ log, healthChecks: deps.healthChecks, routes: createRoutes(config, deps, log) });
const server = await listen(app, config.API_PORT, config.API_HOST);
shutdown.add('http server', () => closeServer(server));
log.info({ port: config.API_PORT }, 'api listening');
