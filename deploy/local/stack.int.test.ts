import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const stack = new URL('./stack', import.meta.url).pathname;

async function status(component: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(stack, ['status', component]);
    return { code: 0, out: stdout };
  } catch (err) {
    const failed = err as { code: number; stdout: string };
    return { code: failed.code, out: failed.stdout };
  }
}

describe('local stack', () => {
  it('round-trips a key through the real Redis', async () => {
    const redis = new Redis(process.env.REDIS_URL ?? '');
    try {
      await redis.set('botflow:test:roundtrip', 'hello', 'EX', 10);
      expect(await redis.get('botflow:test:roundtrip')).toBe('hello');
    } finally {
      redis.disconnect();
    }
  });

  it('says which server is down and how to restart it, and "up" brings it back', async () => {
    await run(stack, ['down', 'redis']);
    const down = await status('redis');
    expect(down.code).toBe(1);
    expect(down.out).toMatch(/redis\s+DOWN\s+\(restart: deploy\/local\/stack up redis/);

    await run(stack, ['up', 'redis']);
    const up = await status('redis');
    expect(up.code).toBe(0);
    expect(up.out).toMatch(/redis\s+up/);
  });
});
