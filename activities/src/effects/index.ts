import type { AllowList } from '@botflow/safe-fetch';
import type { KnowledgeSource, LanguageModel } from './ai/language-model.ts';
import { createCheckAvailability } from './check-availability.ts';
import { createClassifyIntent } from './classify-intent.ts';
import { createExtractFields } from './extract-fields.ts';
import { createHttpRequest } from './http-request.ts';
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
  /**
   * What the http_request, webhook and check_availability nodes may reach besides public internet addresses: a
   * local server in development and tests (SAFE_FETCH_ALLOW). Empty in production.
   */
  allowHosts: AllowList;
}

/**
 * One activity per effect type a node can ask for (named by `effectActivityName`). Each takes the node's input and
 * answers the value its `complete` hook reads; failures no retry can fix are non-retryable ApplicationFailures.
 */
export function createEffectActivities(deps: EffectActivityDeps) {
  const outbound = { allowHosts: deps.allowHosts };
  return {
    httpRequest: createHttpRequest(outbound),
    webhook: createWebhook(deps.webhookSecrets, outbound),
    llmReply: createLlmReply(deps.languageModel),
    knowledgeAnswer: createKnowledgeAnswer(deps.knowledge),
    classifyIntent: createClassifyIntent(deps.languageModel),
    extractFields: createExtractFields(deps.languageModel),
    checkAvailability: createCheckAvailability(outbound),
  };
}

export { offlineKnowledgeSource, offlineLanguageModel } from './ai/offline.ts';
export type { KnowledgeSource, LanguageModel } from './ai/language-model.ts';
export type { WebhookSecrets } from './webhook.ts';
