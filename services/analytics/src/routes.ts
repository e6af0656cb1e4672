import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '@botflow/db';
import { HttpError } from '@botflow/service-kit';

const MAX_RANGE_HOURS = 24 * 366;

const rangeQuery = z
  .object({
    from: z.iso
      .datetime({ offset: true, message: 'from must be an ISO 8601 date-time, e.g. 2026-11-26T00:00:00Z' })
      .optional(),
    to: z.iso
      .datetime({ offset: true, message: 'to must be an ISO 8601 date-time, e.g. 2026-11-27T00:00:00Z' })
      .optional(),
  })
  .transform(({ from, to }) => {
    const end = to ? new Date(to) : new Date();
    const start = from ? new Date(from) : new Date(end.getTime() - 24 * 3600 * 1000);
    return { start, end };
  })
  .refine(({ start, end }) => start < end, 'from must be before to')
  .refine(
    ({ start, end }) => end.getTime() - start.getTime() <= MAX_RANGE_HOURS * 3600 * 1000,
    'the range may span at most a year',
  );

interface HourRow {
  hour: Date;
  messages_in: bigint;
  messages_out: bigint;
}

/** `GET /bots/:botId/messages/hourly?from&to`: messages in and out per hour (hours with none are omitted). */
export function analyticsRoutes(db: PrismaClient): Router {
  const router = Router();
  router.get('/bots/:botId/messages/hourly', async (req, res) => {
    const parsed = rangeQuery.safeParse(req.query);
    if (!parsed.success) throw new HttpError(400, parsed.error.issues.map((i) => i.message).join('; '));
    const { start, end } = parsed.data;
    const rows = await db.$queryRaw<HourRow[]>`
      SELECT hour,
             COALESCE(SUM(value) FILTER (WHERE metric = 'messages_in'), 0) AS messages_in,
             COALESCE(SUM(value) FILTER (WHERE metric = 'messages_out'), 0) AS messages_out
      FROM analytics_hourly
      WHERE bot_id = ${req.params.botId} AND hour >= date_trunc('hour', ${start}::timestamptz) AND hour < ${end}
        AND metric IN ('messages_in', 'messages_out')
      GROUP BY hour ORDER BY hour`;
    res.json({
      botId: req.params.botId,
      from: start.toISOString(),
      to: end.toISOString(),
      hours: rows.map((r) => ({
        hour: r.hour.toISOString(),
        messagesIn: Number(r.messages_in),
        messagesOut: Number(r.messages_out),
      })),
    });
  });
  return router;
}
