export * from './config.ts';
export * from './dependency-checks.ts';
export * from './health.ts';
export * from './health-routes.ts';
export * from './http-errors.ts';
export * from './http-server.ts';
export * from './logger.ts';
export * from './shutdown.ts';
