import { activityInfo } from '@temporalio/activity';
import type { ConversationRef, CustomerRef } from '@botflow/contracts';
import type { PrismaClient } from '@botflow/db';
import type { BotDefinition, VarValue } from '@botflow/graph';

export type OpenedConversation =
  | {
      kind: 'opened';
      conversation: ConversationRef;
      definition: BotDefinition;
      /** The contact's profile as engine variables: `contact.name`, `contact.phone` and saved fields. */
      contactVars: Record<string, VarValue>;
    }
  | { kind: 'unbound'; reason: string };

interface ContactRow {
  id: string;
  name: string | null;
  phone: string | null;
  profile: Record<string, VarValue>;
}

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
  const contact = await upsertContact(db, binding.organisation_id, input.customer);
  const contactId = contact.id;
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
    contactVars: contactVars(contact),
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

function contactVars(contact: ContactRow): Record<string, VarValue> {
  const vars: Record<string, VarValue> = {};
  for (const [key, value] of Object.entries(contact.profile)) vars[`contact.${key}`] = value;
  vars['contact.name'] = contact.name ?? '';
  vars['contact.phone'] = contact.phone ?? '';
  return vars;
}

async function upsertContact(db: PrismaClient, organisationId: string, customer: CustomerRef): Promise<ContactRow> {
  const name = customer.name ?? null;
  const rows = customer.waId
    ? await db.$queryRaw<ContactRow[]>`
        INSERT INTO contacts (id, organisation_id, wa_id, business_scoped_user_id, phone, name, updated_at)
        VALUES (gen_random_uuid()::text, ${organisationId}, ${customer.waId}, ${customer.userId ?? null},
                ${customer.waId}, ${name}, now())
        ON CONFLICT (organisation_id, wa_id) DO UPDATE
          SET name = COALESCE(EXCLUDED.name, contacts.name),
              business_scoped_user_id = COALESCE(contacts.business_scoped_user_id, EXCLUDED.business_scoped_user_id),
              updated_at = now()
        RETURNING id, name, phone, profile`
    : await db.$queryRaw<ContactRow[]>`
        INSERT INTO contacts (id, organisation_id, business_scoped_user_id, name, updated_at)
        VALUES (gen_random_uuid()::text, ${organisationId}, ${customer.userId ?? null}, ${name}, now())
        ON CONFLICT (organisation_id, business_scoped_user_id) DO UPDATE
          SET name = COALESCE(EXCLUDED.name, contacts.name), updated_at = now()
        RETURNING id, name, phone, profile`;
  const row = rows[0];
  if (!row) throw new Error('contact row was not written');
  return row;
}

export async function loadBotDefinition(db: PrismaClient, botVersionId: string): Promise<BotDefinition> {
  const [row] = await db.$queryRaw<{ definition: BotDefinition }[]>`
    SELECT definition FROM bot_versions WHERE id = ${botVersionId}`;
  if (!row) throw new Error(`bot version ${botVersionId} does not exist`);
  return row.definition;
}

/** A running conversation moved to another version of its bot at a question (the owner asked for it). */
export async function recordVersionMove(
  db: PrismaClient,
  input: { conversationId: string; botVersionId: string },
): Promise<void> {
  await db.$executeRaw`
    UPDATE conversations SET bot_version_id = ${input.botVersionId}, updated_at = now()
    WHERE id = ${input.conversationId}`;
}
