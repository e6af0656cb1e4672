import { Prisma, type PrismaClient } from '@botflow/db';
import { outboxInsert } from '@botflow/activities';
import type { ParsedStatus } from '@botflow/whatsapp';

const RANK: Record<string, number> = { pending: 0, sent: 1, delivered: 2, read: 3, played: 3, failed: 4 };
/** "sent" is already an event (MessageSent, from the worker); the later states are events of their own. */
const EVENT_STATES = new Set(['delivered', 'read', 'failed']);

interface Applied {
  conversation_id: string;
  wamid: string;
  advanced: boolean;
  workflow_id: string;
  bot_id: string | null;
  version: number | null;
  organisation_id: string;
  phone_number_id: string;
}

/**
 * Applies delivery statuses to outbound messages, never backwards: a late "sent" does not overwrite "read". The
 * status also names the message id of a send whose worker died before recording it (via biz_opaque_callback_data),
 * which is how an interrupted send is reconciled without sending twice. A state reached for the first time becomes
 * an event for analytics, in the same transaction; a status for a message we have no record of is kept in
 * `unmatched_statuses`.
 */
export async function recordStatuses(db: PrismaClient, statuses: ParsedStatus[]): Promise<void> {
  for (const { phoneNumberId, status } of statuses) {
    const value = status.status === 'played' ? 'read' : status.status;
    const rank = RANK[value];
    if (rank === undefined) continue;
    await db.$transaction(async (tx) => {
      const [applied] = await apply(tx, status, value, rank);
      if (!applied) {
        await tx.$executeRaw`
          INSERT INTO unmatched_statuses (id, phone_number_id, wamid, status, payload)
          VALUES (gen_random_uuid()::text, ${phoneNumberId}, ${status.id}, ${value}, ${JSON.stringify(status)}::jsonb)
          ON CONFLICT (wamid, status) DO NOTHING`;
        return;
      }
      if (!applied.advanced || !EVENT_STATES.has(value) || applied.bot_id === null) return;
      const insert = outboxInsert(
        {
          id: applied.conversation_id,
          workflowId: applied.workflow_id,
          phoneNumberId: applied.phone_number_id,
          organizationId: applied.organisation_id,
          botId: applied.bot_id,
          botVersion: applied.version ?? 0,
        },
        [
          {
            name: `status:${applied.wamid}:${value}`,
            occurredAt: Number(status.timestamp) * 1000,
            payload: {
              case: 'deliveryStatus',
              value: { wamid: applied.wamid, status: value, errorCode: status.errors?.[0]?.code ?? 0 },
            },
          },
        ],
      );
      if (insert) await tx.$executeRaw(insert);
    });
  }
}

function apply(tx: Prisma.TransactionClient, status: ParsedStatus['status'], value: string, rank: number) {
  const at = new Date(Number(status.timestamp) * 1000);
  const key = status.biz_opaque_callback_data ?? null;
  const error = status.errors ? JSON.stringify(status.errors) : null;
  const rankOf = Prisma.sql`(CASE target.status::text WHEN 'pending' THEN 0 WHEN 'sent' THEN 1
                             WHEN 'delivered' THEN 2 WHEN 'read' THEN 3 WHEN 'failed' THEN 4 ELSE -1 END)`;
  return tx.$queryRaw<Applied[]>`
    WITH target AS (
      SELECT id, status FROM messages
      WHERE direction = 'out'
        AND (wamid = ${status.id} OR (${key}::text IS NOT NULL AND idempotency_key = ${key} AND wamid IS NULL))
      FOR UPDATE
    ), updated AS (
      UPDATE messages m SET
        wamid = COALESCE(m.wamid, ${status.id}),
        status = CASE WHEN ${rank} > ${rankOf} THEN ${value}::message_status ELSE m.status END,
        status_at = CASE WHEN m.status_at IS NULL OR m.status_at < ${at} THEN ${at} ELSE m.status_at END,
        error = COALESCE(${error}::jsonb, m.error)
      FROM target WHERE m.id = target.id
      RETURNING m.conversation_id, COALESCE(m.wamid, ${status.id}) AS wamid, ${rank} > ${rankOf} AS advanced
    )
    SELECT u.conversation_id, u.wamid, u.advanced, c.workflow_id, c.bot_id, v.version,
           ch.organisation_id, ch.phone_number_id
    FROM updated u
    JOIN conversations c ON c.id = u.conversation_id
    JOIN whatsapp_channels ch ON ch.id = c.channel_id
    LEFT JOIN bot_versions v ON v.id = c.bot_version_id`;
}
