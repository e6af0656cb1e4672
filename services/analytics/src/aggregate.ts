import type { Event } from '@botflow/proto';
import { Prisma, type PrismaClient } from '@botflow/db';

/** Hourly counters the dashboard reads; each event adds 1 to at most one of them. */
export const METRIC_BY_EVENT: Partial<Record<NonNullable<Event['payload']['case']>, string>> = {
  messageReceived: 'messages_in',
  messageSent: 'messages_out',
  conversationStarted: 'conversations_started',
  conversationEnded: 'conversations_ended',
  handoffStarted: 'handoffs',
};

/** Delivery states reported by Meta, counted per state. */
const METRIC_BY_DELIVERY_STATUS: Record<string, string> = {
  delivered: 'messages_delivered',
  read: 'messages_read',
  failed: 'messages_failed',
};

export function metricOf(event: Event): string | undefined {
  if (event.payload.case === 'deliveryStatus') return METRIC_BY_DELIVERY_STATUS[event.payload.value.status];
  return event.payload.case && METRIC_BY_EVENT[event.payload.case];
}

/**
 * Applies a batch of events exactly once in effect: the ids are recorded in the same transaction as the counters,
 * so an event Kafka delivers again (a relay retry, a consumer restart) finds its id and counts nothing.
 */
export async function applyEvents(db: PrismaClient, events: Event[]): Promise<number> {
  const unique = [...new Map(events.map((e) => [e.id, e])).values()];
  if (unique.length === 0) return 0;
  return db.$transaction(async (tx) => {
    const fresh = await tx.$queryRaw<{ event_id: string }[]>`
      INSERT INTO analytics_processed_events (event_id)
      SELECT unnest(${unique.map((e) => e.id)}::uuid[])
      ON CONFLICT (event_id) DO NOTHING
      RETURNING event_id::text`;
    const freshIds = new Set(fresh.map((r) => r.event_id));
    const increments = new Map<string, { botId: string; hour: Date; metric: string; value: number }>();
    for (const event of unique) {
      const metric = metricOf(event);
      if (!metric || !freshIds.has(event.id) || !event.occurredAt) continue;
      const hour = new Date(Math.floor(Number(event.occurredAt.seconds) / 3600) * 3600 * 1000);
      const key = `${event.botId}|${hour.toISOString()}|${metric}`;
      const current = increments.get(key) ?? { botId: event.botId, hour, metric, value: 0 };
      current.value += 1;
      increments.set(key, current);
    }
    if (increments.size > 0) {
      const rows = [...increments.values()].map((i) => Prisma.sql`(${i.botId}, ${i.hour}, ${i.metric}, ${i.value})`);
      await tx.$executeRaw`
        INSERT INTO analytics_hourly (bot_id, hour, metric, value) VALUES ${Prisma.join(rows)}
        ON CONFLICT (bot_id, hour, metric) DO UPDATE SET value = analytics_hourly.value + EXCLUDED.value`;
    }
    return freshIds.size;
  });
}

/**
 * Forgets applied event ids once no re-delivery can come: after Kafka's retention (7 days by default), plus a day.
 * Returns how many were deleted.
 */
export async function pruneProcessedEvents(db: PrismaClient, retentionDays: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  return db.$executeRaw`DELETE FROM analytics_processed_events WHERE processed_at < ${cutoff}`;
}
