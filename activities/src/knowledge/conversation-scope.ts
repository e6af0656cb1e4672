import type { PrismaClient } from '@botflow/db';

export interface ConversationScope {
  organisationId: string;
  /** The bot of the conversation; null when the number has no bot bound (then nothing is recorded per bot). */
  botId: string | null;
}

const CONVERSATION_ID = /^conv:(\d+):/;

/** Whose conversation a workflow id (`conv:<phone-number-id>:<customer>`) belongs to, from its business number. */
export async function conversationScope(db: PrismaClient, workflowId: string): Promise<ConversationScope | null> {
  const phoneNumberId = CONVERSATION_ID.exec(workflowId)?.[1];
  if (!phoneNumberId) return null;
  const channel = await db.whatsappChannel.findUnique({
    where: { phoneNumberId },
    select: { organisationId: true, boundBotId: true },
  });
  if (!channel) return null;
  const conversation = await db.conversation.findFirst({
    where: { workflowId },
    orderBy: { startedAt: 'desc' },
    select: { botId: true },
  });
  return { organisationId: channel.organisationId, botId: conversation?.botId ?? channel.boundBotId };
}
