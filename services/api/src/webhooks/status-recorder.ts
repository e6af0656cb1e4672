import type { PrismaClient } from '@botflow/db';
import type { ParsedStatus } from '@botflow/whatsapp';

const RANK: Record<string, number> = { pending: 0, sent: 1, delivered: 2, read: 3, played: 3, failed: 4 };

/**
 * Applies delivery statuses to outbound messages, never backwards: a late "sent" does not overwrite "read". The
 * status also names the message id of a send whose worker died before recording it (via biz_opaque_callback_data),
 * which is how an interrupted send is reconciled without sending twice. Statuses for unknown messages are ignored.
 */
export async function recordStatuses(db: PrismaClient, statuses: ParsedStatus[]): Promise<void> {
  for (const { status } of statuses) {
    const value = status.status === 'played' ? 'read' : status.status;
    const rank = RANK[value];
    if (rank === undefined) continue;
    const at = new Date(Number(status.timestamp) * 1000);
    const key = status.biz_opaque_callback_data ?? null;
    const error = status.errors ? JSON.stringify(status.errors) : null;
    await db.$executeRaw`
      UPDATE messages SET
        wamid = COALESCE(wamid, ${status.id}),
        status = CASE WHEN status IS NULL OR ${rank} > (CASE status::text WHEN 'pending' THEN 0 WHEN 'sent' THEN 1
                   WHEN 'delivered' THEN 2 WHEN 'read' THEN 3 ELSE 4 END)
                 THEN ${value}::message_status ELSE status END,
        status_at = CASE WHEN status_at IS NULL OR status_at < ${at} THEN ${at} ELSE status_at END,
        error = COALESCE(${error}::jsonb, error)
      WHERE direction = 'out'
        AND (wamid = ${status.id} OR (${key}::text IS NOT NULL AND idempotency_key = ${key} AND wamid IS NULL))`;
  }
}
