import { activityInfo } from '@temporalio/activity';
import type { ConversationRef, CustomerRef } from '@botflow/contracts';
import { Prisma, type PrismaClient } from '@botflow/db';
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

interface OpenRow {
  channel_id: string;
  organisation_id: string;
  bot_id: string | null;
  bot_version_id: string | null;
  version: number | null;
  definition: BotDefinition | null;
  /** The contact and the conversation: written only when a published bot is bound to the number. */
  contact_id: string | null;
  name: string | null;
  phone: string | null;
  profile: Record<string, VarValue> | null;
  conversation_id: string | null;
}

/**
 * Pins the conversation to the bot version published on its number right now, and records the contact and the
 * conversation, in one statement (a round trip each took as much CPU as the rest of the activity). Idempotent: a
 * retry finds the rows its first attempt wrote (keyed by the workflow run).
 */
export async function openConversation(
  db: PrismaClient,
  input: { phoneNumberId: string; customer: CustomerRef },
): Promise<OpenedConversation> {
  const execution = activityInfo().workflowExecution;
  if (!execution) throw new Error('openConversation runs only as part of a conversation workflow');
  const { workflowId, runId } = execution;
  // `WHERE true`: without it, `ON CONFLICT` after a FROM list reads as the start of a join condition.
  const [row] = await db.$queryRaw<OpenRow[]>`
    WITH binding AS (
      SELECT c.id AS channel_id, c.organisation_id, b.id AS bot_id, v.id AS bot_version_id, v.version, v.definition
      FROM whatsapp_channels c
      LEFT JOIN bots b ON b.id = c.bound_bot_id
      LEFT JOIN bot_versions v ON v.id = b.current_version_id
      WHERE c.phone_number_id = ${input.phoneNumberId}),
    contact AS (${upsertContact(input.customer)}),
    conversation AS (
      INSERT INTO conversations (id, workflow_id, run_id, channel_id, contact_id, bot_id, bot_version_id, updated_at)
      SELECT ${`cv_${runId}`}, ${workflowId}, ${runId}, binding.channel_id, contact.id, binding.bot_id,
             binding.bot_version_id, now()
      FROM binding, contact WHERE true
      ON CONFLICT (run_id) DO UPDATE SET updated_at = conversations.updated_at
      RETURNING id)
    SELECT binding.*, contact.id AS contact_id, contact.name, contact.phone, contact.profile,
           conversation.id AS conversation_id
    FROM binding LEFT JOIN contact ON true LEFT JOIN conversation ON true`;
  if (!row) return { kind: 'unbound', reason: `phone number ${input.phoneNumberId} is not connected` };
  if (!row.bot_id || !row.bot_version_id || row.version === null || !row.definition) {
    return { kind: 'unbound', reason: `no published bot is bound to ${input.phoneNumberId}` };
  }
  if (row.contact_id === null) throw new Error('contact row was not written');
  if (row.conversation_id === null) throw new Error('conversation row was not written');
  return {
    kind: 'opened',
    definition: row.definition,
    contactVars: contactVars({ name: row.name, phone: row.phone, profile: row.profile ?? {} }),
    conversation: {
      id: row.conversation_id,
      workflowId,
      phoneNumberId: input.phoneNumberId,
      channelId: row.channel_id,
      contactId: row.contact_id,
      recipient: input.customer.waId ?? input.customer.userId ?? '',
      organizationId: row.organisation_id,
      botId: row.bot_id,
      botVersion: row.version,
      botVersionId: row.bot_version_id,
    },
  };
}

function contactVars(contact: {
  name: string | null;
  phone: string | null;
  profile: Record<string, VarValue>;
}): Record<string, VarValue> {
  const vars: Record<string, VarValue> = {};
  for (const [key, value] of Object.entries(contact.profile)) vars[`contact.${key}`] = value;
  vars['contact.name'] = contact.name ?? '';
  vars['contact.phone'] = contact.phone ?? '';
  return vars;
}

/** The contact by WhatsApp id, or by business-scoped user id when Meta withholds the phone number; only when bound. */
function upsertContact(customer: CustomerRef): Prisma.Sql {
  const name = customer.name ?? null;
  const bound = Prisma.sql`FROM binding WHERE binding.bot_version_id IS NOT NULL AND binding.definition IS NOT NULL`;
  return customer.waId
    ? Prisma.sql`
        INSERT INTO contacts (id, organisation_id, wa_id, business_scoped_user_id, phone, name, updated_at)
        SELECT gen_random_uuid()::text, binding.organisation_id, ${customer.waId}, ${customer.userId ?? null},
               ${customer.waId}, ${name}, now()
        ${bound}
        ON CONFLICT (organisation_id, wa_id) DO UPDATE
          SET name = COALESCE(EXCLUDED.name, contacts.name),
              business_scoped_user_id = COALESCE(contacts.business_scoped_user_id, EXCLUDED.business_scoped_user_id),
              updated_at = now()
        RETURNING id, name, phone, profile`
    : Prisma.sql`
        INSERT INTO contacts (id, organisation_id, business_scoped_user_id, name, updated_at)
        SELECT gen_random_uuid()::text, binding.organisation_id, ${customer.userId ?? null}, ${name}, now()
        ${bound}
        ON CONFLICT (organisation_id, business_scoped_user_id) DO UPDATE
          SET name = COALESCE(EXCLUDED.name, contacts.name), updated_at = now()
        RETURNING id, name, phone, profile`;
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
