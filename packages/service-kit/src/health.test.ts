import { describe, expect, it } from 'vitest';
import { runHealthChecks } from './health.ts';

describe('runHealthChecks', () => {
  it('is ok when every check passes', async () => {
    const report = await runHealthChecks('svc', [{ name: 'a', check: async () => 1 }]);
    expect(report.status).toBe('ok');
    expect(report.failing).toEqual([]);
    expect(report.checks.a?.ok).toBe(true);
  });

  it('names the failing dependency and its reason', async () => {
    const report = await runHealthChecks('svc', [
      { name: 'postgres', check: async () => 1 },
      { name: 'redis', check: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6380')) },
    ]);
    expect(report.status).toBe('failing');
    expect(report.failing).toEqual(['redis']);
    expect(report.checks.redis?.error).toMatch(/ECONNREFUSED/);
  });

  it('bounds a check that never answers', async () => {
    const report = await runHealthChecks('svc', [{ name: 'kafka', check: () => new Promise(() => {}) }], 50);
    expect(report.failing).toEqual(['kafka']);
    expect(report.checks.kafka?.error).toMatch(/did not answer within 50 ms/);
  });
});
