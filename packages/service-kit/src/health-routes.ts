import { Router } from 'express';
import { runHealthChecks, type HealthCheck } from './health.ts';

/**
 * `GET /health/live`: the process is up. `GET /health` (and `/health/ready`): every dependency answers;
 * 503 with the failing ones named otherwise.
 */
export function healthRoutes(service: string, checks: HealthCheck[]): Router {
  const router = Router();
  router.get('/health/live', (_req, res) => {
    res.json({ status: 'ok', service });
  });
  router.get(['/health', '/health/ready'], async (_req, res) => {
    const report = await runHealthChecks(service, checks);
    res.status(report.status === 'ok' ? 200 : 503).json(report);
  });
  return router;
}
