export { createConversationActivities, type ConversationActivityDeps } from './conversation/index.ts';
export type { OutboundSender, TurnInput, TurnResult } from './conversation/index.ts';
export { createSystemActivities } from './system.ts';
export {
  ChatAnswerModel,
  createDocumentKnowledge,
  type DocumentKnowledgeDeps,
  createIngestionActivities,
  type IngestionActivities,
  type IngestionActivityDeps,
} from './knowledge/index.ts';
export type { SystemActivityDeps } from './system.ts';
export { createOutboundSender } from './conversation/outbound-sender.ts';
export {
  createEffectActivities,
  offlineKnowledgeSource,
  offlineLanguageModel,
  type EffectActivityDeps,
  type KnowledgeSource,
  type LanguageModel,
  type WebhookSecrets,
} from './effects/index.ts';
export {
  createMediaActivities,
  type MediaActivityDeps,
  type MediaDownloadInput,
  type MediaDownloadResult,
} from './media/index.ts';
export { outboxInsert, type EventScope, type OutboxEvent } from './conversation/outbox.ts';
