import express, { type Express } from 'express';
import { errorHandler, healthRoutes, notFound, type HealthCheck, type Logger } from '@botflow/service-kit';
import { securityHeaders } from './security-headers.ts';

export interface ApiDeps {
  log: Logger;
  healthChecks: HealthCheck[];
}

export function createApiApp({ log, healthChecks }: ApiDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(securityHeaders);
  app.use(healthRoutes('api', healthChecks));
  app.use(notFound);
  app.use(errorHandler(log));
  return app;
}
