import { activityInfo } from '@temporalio/activity';
import type { ConversationRef, CustomerRef } from '@botflow/contracts';
import type { PrismaClient } from '@botflow/db';
import type { BotDefinition } from '@botflow/graph';

export type OpenedConversation =
  { kind: 'opened'; conversation: ConversationRef; definition: BotDefinition } | { kind: 'unbound'; reason: string };

interface ChannelBinding {
  channel_id: string;
  organisation_id: string;
  bot_id: string | null;
  bot_version_id: string | null;
  version: number | null;
  definition: BotDefinition | null;
}

/**
 * Pins the conversation to the bot version published on its number right now, and records the contact and the
 * conversation. Idempotent: a retry finds the rows its first attempt wrote (keyed by the workflow run).
 */
export async function openConversation(
  db: PrismaClient,
  input: { phoneNumberId: string; customer: CustomerRef },
): Promise<OpenedConversation> {
  const [binding] = await db.$queryRaw<ChannelBinding[]>`
    SELECT c.id AS channel_id, c.organisation_id, b.id AS bot_id, v.id AS bot_version_id, v.version, v.definition
    FROM whatsapp_channels c
    LEFT JOIN bots b ON b.id = c.bound_bot_id
    LEFT JOIN bot_versions v ON v.id = b.current_version_id
    WHERE c.phone_number_id = ${input.phoneNumberId}`;
  if (!binding) return { kind: 'unbound', reason: `phone number ${input.phoneNumberId} is not connected` };
  if (!binding.bot_id || !binding.bot_version_id || binding.version === null || !binding.definition) {
    return { kind: 'unbound', reason: `no published bot is bound to ${input.phoneNumberId}` };
  }

  const execution = activityInfo().workflowExecution;
  if (!execution) throw new Error('openConversation runs only as part of a conversation workflow');
  const { workflowId, runId } = execution;
  const contactId = await upsertContact(db, binding.organisation_id, input.customer);
  const [row] = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO conversations (id, workflow_id, run_id, channel_id, contact_id, bot_id, bot_version_id, updated_at)
    VALUES (${`cv_${runId}`}, ${workflowId}, ${runId}, ${binding.channel_id}, ${contactId}, ${binding.bot_id},
            ${binding.bot_version_id}, now())
    ON CONFLICT (run_id) DO UPDATE SET updated_at = conversations.updated_at
    RETURNING id`;
  if (!row) throw new Error('conversation row was not written');
  return {
    kind: 'opened',
    definition: binding.definition,
    conversation: {
      id: row.id,
      workflowId,
      phoneNumberId: input.phoneNumberId,
      channelId: binding.channel_id,
      contactId,
      recipient: input.customer.waId ?? input.customer.userId ?? '',
      organizationId: binding.organisation_id,
      botId: binding.bot_id,
      botVersion: binding.version,
      botVersionId: binding.bot_version_id,
    },
  };
}

async function upsertContact(db: PrismaClient, organisationId: string, customer: CustomerRef): Promise<string> {
  const name = customer.name ?? null;
  const rows = customer.waId
    ? await db.$queryRaw<{ id: string }[]>`
        INSERT INTO contacts (id, organisation_id, wa_id, business_scoped_user_id, phone, name, updated_at)
        VALUES (gen_random_uuid()::text, ${organisationId}, ${customer.waId}, ${customer.userId ?? null},
                ${customer.waId}, ${name}, now())
        ON CONFLICT (organisation_id, wa_id) DO UPDATE
          SET name = COALESCE(EXCLUDED.name, contacts.name),
              business_scoped_user_id = COALESCE(contacts.business_scoped_user_id, EXCLUDED.business_scoped_user_id),
              updated_at = now()
        RETURNING id`
    : await db.$queryRaw<{ id: string }[]>`
        INSERT INTO contacts (id, organisation_id, business_scoped_user_id, name, updated_at)
        VALUES (gen_random_uuid()::text, ${organisationId}, ${customer.userId ?? null}, ${name}, now())
        ON CONFLICT (organisation_id, business_scoped_user_id) DO UPDATE
          SET name = COALESCE(EXCLUDED.name, contacts.name), updated_at = now()
        RETURNING id`;
  const id = rows[0]?.id;
  if (!id) throw new Error('contact row was not written');
  return id;
}

export async function loadBotDefinition(db: PrismaClient, botVersionId: string): Promise<BotDefinition> {
  const [row] = await db.$queryRaw<{ definition: BotDefinition }[]>`
    SELECT definition FROM bot_versions WHERE id = ${botVersionId}`;
  if (!row) throw new Error(`bot version ${botVersionId} does not exist`);
  return row.definition;
}
