import type { KnowledgeSource, LanguageModel } from './ai/language-model.ts';
import { checkAvailability } from './check-availability.ts';
import { createClassifyIntent } from './classify-intent.ts';
import { createExtractFields } from './extract-fields.ts';
import { httpRequest } from './http-request.ts';
import { createKnowledgeAnswer } from './knowledge-answer.ts';
import { createLlmReply } from './llm-reply.ts';
import { createWebhook, type WebhookSecrets } from './webhook.ts';

export interface EffectActivityDeps {
  languageModel: LanguageModel;
  knowledge: KnowledgeSource;
  /**
   * Webhook signing secrets by name. A secret never sits in a bot definition: the webhook node only names it
   * (`secretRef`) and the worker looks it up here, e.g. in its configuration or an encrypted store.
   */
  webhookSecrets: WebhookSecrets;
}

/**
 * One activity per effect type a node can ask for (named by `effectActivityName`). Each takes the node's input and
 * answers the value its `complete` hook reads; failures no retry can fix are non-retryable ApplicationFailures.
 */
export function createEffectActivities(deps: EffectActivityDeps) {
  return {
    httpRequest,
    webhook: createWebhook(deps.webhookSecrets),
    llmReply: createLlmReply(deps.languageModel),
    knowledgeAnswer: createKnowledgeAnswer(deps.knowledge),
    classifyIntent: createClassifyIntent(deps.languageModel),
    extractFields: createExtractFields(deps.languageModel),
    checkAvailability,
  };
}

export { offlineKnowledgeSource, offlineLanguageModel } from './ai/offline.ts';
export type { KnowledgeSource, LanguageModel } from './ai/language-model.ts';
export type { WebhookSecrets } from './webhook.ts';
