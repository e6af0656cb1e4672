import express, { type Express, type Router } from 'express';
import { errorHandler, healthRoutes, notFound, type HealthCheck, type Logger } from '@botflow/service-kit';
import { securityHeaders } from './security-headers.ts';

export interface ApiDeps {
  log: Logger;
  healthChecks: HealthCheck[];
  routes: Router[];
}

export function createApiApp({ log, healthChecks, routes }: ApiDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(securityHeaders);
  app.use(healthRoutes('api', healthChecks));
  for (const router of routes) app.use(router);
  app.use(notFound);
  app.use(errorHandler(log));
  return app;
}
