import type { CustomerRef, InboundSignal } from '@botflow/contracts';
import type { PrismaClient } from '@botflow/db';
import type { Logger } from 'pino';
import { deliverTurn, type TurnInput } from './deliver-turn.ts';
import { loadBotDefinition, openConversation, recordVersionMove } from './open-conversation.ts';
import type { OutboundSender } from './send-outbound.ts';

export interface ConversationActivityDeps {
  db: PrismaClient;
  sender: OutboundSender;
  log: Logger;
}

export function createConversationActivities({ db, sender, log }: ConversationActivityDeps) {
  return {
    openConversation: (input: { phoneNumberId: string; customer: CustomerRef }) => openConversation(db, input),
    loadBotDefinition: ({ botVersionId }: { botVersionId: string }) => loadBotDefinition(db, botVersionId),
    recordVersionMove: (input: { conversationId: string; botVersionId: string }) => recordVersionMove(db, input),
    deliverTurn: (turn: TurnInput) => deliverTurn(db, sender, turn),
    async recordUnanswered({ phoneNumberId, messages }: { phoneNumberId: string; messages: InboundSignal[] }) {
      log.warn({ phoneNumberId, messageIds: messages.map((m) => m.id) }, 'messages to a number with no published bot');
    },
  };
}

export type { TurnInput, TurnResult } from './deliver-turn.ts';
export type { OutboundSender, SendOutcome } from './send-outbound.ts';
