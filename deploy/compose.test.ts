import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadAnalyticsConfig } from '../services/analytics/src/config.ts';
import { loadApiConfig } from '../services/api/src/config.ts';
import { loadWorkerConfig } from '../services/worker/src/config.ts';

// No Docker engine runs where our tests run, so the compose file is checked offline: its structure, and that each
// product service's environment passes that service's own config validation.
interface ComposeService {
  image?: string;
  command?: string[];
  environment?: Record<string, string | number>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: unknown;
}

const repo = new URL('..', import.meta.url).pathname;
const compose = parse(readFileSync(new URL('./compose.yaml', import.meta.url), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const services = compose.services;

/** `${VAR:-default}` → default, `${VAR:?message}` → a value a user would set. */
function interpolate(env: Record<string, string | number> = {}): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).map(([k, v]) => [
      k,
      String(v)
        .replace(/\$\{\w+:-([^}]*)\}/g, '$1')
        .replace(/\$\{\w+:\?[^}]*\}/g, `local:${Buffer.alloc(32, 1).toString('base64')}`),
    ]),
  );
}

describe('deploy/compose.yaml', () => {
  it('runs every server and every product service', () => {
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining([
        'postgres',
        'redis',
        'kafka',
        'temporal',
        'temporal-ui',
        'migrate',
        'api',
        'worker',
        'analytics',
        'whatsapp-emulator',
      ]),
    );
  });

  it('pins every image to a version and health-checks every server', () => {
    for (const [name, service] of Object.entries(services)) {
      expect(service.image, name).toMatch(/:[\w.-]+$/);
      expect(service.image, name).not.toMatch(/:latest$/);
    }
    for (const server of ['postgres', 'redis', 'kafka', 'temporal'])
      expect(services[server]?.healthcheck, server).toBeDefined();
  });

  it('depends only on services that exist, and starts product services after migrations', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const dependency of Object.keys(service.depends_on ?? {}))
        expect(Object.keys(services), `${name} → ${dependency}`).toContain(dependency);
    }
    for (const name of ['api', 'worker', 'analytics']) {
      expect(services[name]?.depends_on?.migrate?.condition).toBe('service_completed_successfully');
    }
  });

  it('runs entry points that exist', () => {
    for (const name of ['api', 'worker', 'analytics', 'whatsapp-emulator']) {
      const entry = services[name]?.command?.[1] ?? '';
      expect(existsSync(`${repo}/${entry}`), `${name}: ${entry}`).toBe(true);
    }
  });

  it('gives each service an environment its own config validation accepts', () => {
    expect(() => loadApiConfig(interpolate(services.api?.environment))).not.toThrow();
    expect(() => loadWorkerConfig(interpolate(services.worker?.environment))).not.toThrow();
    expect(() => loadAnalyticsConfig(interpolate(services.analytics?.environment))).not.toThrow();
  });
});
