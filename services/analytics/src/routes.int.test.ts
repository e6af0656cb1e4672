import express from 'express';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useMigratedDatabase } from '@botflow/db/vitest';
import { closeServer, createLogger, errorHandler, listen } from '@botflow/service-kit';
import { analyticsRoutes } from './routes.ts';

const testDb = useMigratedDatabase();
let server: Awaited<ReturnType<typeof listen>>;
let base = '';

beforeAll(async () => {
  await testDb.prisma.$executeRaw`
    INSERT INTO analytics_hourly (bot_id, hour, metric, value) VALUES
      ('bot_a', '2026-11-26T09:00:00Z', 'messages_in', 5), ('bot_a', '2026-11-26T09:00:00Z', 'messages_out', 4),
      ('bot_a', '2026-11-26T10:00:00Z', 'messages_in', 2), ('bot_a', '2026-11-26T10:00:00Z', 'conversations_started', 1),
      ('bot_b', '2026-11-26T09:00:00Z', 'messages_in', 99)`;
  const app = express();
  app.use(analyticsRoutes(testDb.prisma));
  app.use(errorHandler(createLogger('test', 'silent')));
  server = await listen(app, 0);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await closeServer(server);
});

describe('GET /bots/:botId/messages/hourly', () => {
  it('answers messages in and out per hour for that bot only, within the range', async () => {
    const res = await fetch(`${base}/bots/bot_a/messages/hourly?from=2026-11-26T00:00:00Z&to=2026-11-27T00:00:00Z`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { hours: unknown[] }).hours).toEqual([
      { hour: '2026-11-26T09:00:00.000Z', messagesIn: 5, messagesOut: 4 },
      { hour: '2026-11-26T10:00:00.000Z', messagesIn: 2, messagesOut: 0 },
    ]);
    const narrow = await fetch(`${base}/bots/bot_a/messages/hourly?from=2026-11-26T10:00:00Z&to=2026-11-26T11:00:00Z`);
    expect(((await narrow.json()) as { hours: unknown[] }).hours).toHaveLength(1);
  });

  it('400 with the reason for a bad range', async () => {
    const bad = await fetch(`${base}/bots/bot_a/messages/hourly?from=yesterday`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/from must be an ISO 8601 date-time/);
    const reversed = await fetch(
      `${base}/bots/bot_a/messages/hourly?from=2026-11-27T00:00:00Z&to=2026-11-26T00:00:00Z`,
    );
    expect(((await reversed.json()) as { error: string }).error).toMatch(/from must be before to/);
  });
});
