import type { Client } from '@temporalio/client';
import {
  CONVERSATION_WORKFLOW,
  conversationWorkflowId,
  customerKey,
  inboundMessageSignal,
  type ConversationInput,
  type InboundSignal,
} from '@botflow/contracts';
import type { ParsedInboundMessage } from '@botflow/whatsapp';

/**
 * Hands each message to its conversation workflow with signal-with-start: one round trip whether or not the
 * conversation is running, durable once it returns. One conversation's messages go in order; conversations in
 * parallel.
 */
export async function signalConversations(
  temporal: Client,
  taskQueue: string,
  messages: ParsedInboundMessage[],
  receivedAt: number,
): Promise<void> {
  const byConversation = new Map<string, ParsedInboundMessage[]>();
  for (const m of messages) {
    const id = conversationWorkflowId(m.phoneNumberId, customerKey(m.customer));
    byConversation.set(id, [...(byConversation.get(id) ?? []), m]);
  }
  await Promise.all(
    [...byConversation].map(async ([workflowId, inOrder]) => {
      for (const m of inOrder) {
        const input: ConversationInput = { phoneNumberId: m.phoneNumberId, customer: m.customer };
        const signal: InboundSignal = {
          id: m.id,
          type: m.type,
          text: m.text,
          ...(m.optionId === undefined ? {} : { optionId: m.optionId }),
          ...(m.location === undefined ? {} : { location: m.location }),
          ...(m.media === undefined ? {} : { media: m.media }),
          sentAt: m.sentAt,
          receivedAt,
          customer: m.customer,
        };
        await temporal.workflow.signalWithStart(CONVERSATION_WORKFLOW, {
          workflowId,
          taskQueue,
          args: [input],
          signal: inboundMessageSignal,
          signalArgs: [signal],
        });
      }
    }),
  );
}
