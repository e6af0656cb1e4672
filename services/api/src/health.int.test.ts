import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { closeServer, createLogger, listen, Shutdown, type HealthReport } from '@botflow/service-kit';
import { createApiApp } from './app.ts';
import { loadApiConfig } from './config.ts';
import { connectDependencies } from './dependencies.ts';

const log = createLogger('test', 'silent');
let shutdown: Shutdown;
afterEach(async () => {
  await shutdown.run();
});

async function healthWith(env: NodeJS.ProcessEnv): Promise<{ status: number; report: HealthReport }> {
  const config = loadApiConfig({
    ...process.env,
    WHATSAPP_APP_SECRET: 'test-app-secret',
    WHATSAPP_VERIFY_TOKEN: 'test-verify',
    BOTFLOW_SECRETS_KEY: `test:${Buffer.alloc(32).toString('base64')}`,
    ...env,
  });
  shutdown = new Shutdown(log, 2000);
  const deps = await connectDependencies(config, shutdown, log);
  const server = await listen(createApiApp({ log, healthChecks: deps.healthChecks, routes: [] }), 0);
  shutdown.add('server', () => closeServer(server));
  const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/health`);
  return { status: res.status, report: (await res.json()) as HealthReport };
}

describe('API health on the real servers', () => {
  it('checks PostgreSQL, Redis, Kafka and Temporal', async () => {
    const { report } = await healthWith({});
    for (const name of ['postgres', 'redis', 'kafka', 'temporal']) expect(report.checks[name]?.ok, name).toBe(true);
  });

  it('names the server that is down and answers 503', async () => {
    const { status, report } = await healthWith({ REDIS_URL: 'redis://127.0.0.1:1' });
    expect(status).toBe(503);
    expect(report.failing).toContain('redis');
    expect(report.checks.postgres?.ok).toBe(true);
    expect(report.checks.redis?.error).toBeTruthy();
  });
});
