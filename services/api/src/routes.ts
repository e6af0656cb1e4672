import type { Router } from 'express';
import type { Logger } from '@botflow/service-kit';
import type { ApiConfig } from './config.ts';
import type { ApiDependencies } from './dependencies.ts';
import { EmbeddingModels } from '@botflow/embeddings';
import { secretBoxFromConfig } from '@botflow/secrets';
import { botsApiRoutes } from './bots/bots-api.ts';
import { channelsRoutes } from './channels/channels-routes.ts';
import { knowledgeApiRoutes } from './knowledge/knowledge-api.ts';
import { nodeTypesRoutes } from './node-types/node-types-routes.ts';
import { templatesRoutes } from './templates/templates-routes.ts';
import { conversationRoutes } from './conversations/conversation-routes.ts';
import { AcceptedMessages } from './webhooks/accepted-messages.ts';
import { ChannelDirectory } from './webhooks/channel-directory.ts';
import { ReplyLagGauge } from './webhooks/reply-lag-gauge.ts';
import { whatsappWebhookRoutes } from './webhooks/whatsapp-webhook.ts';

export function createRoutes(config: ApiConfig, deps: ApiDependencies, log: Logger): Router[] {
  const secrets = secretBoxFromConfig(config.BOTFLOW_SECRETS_KEY);
  const replyLag = new ReplyLagGauge(deps.redis, config.WEBHOOK_SHED_REPLY_LAG_MS);
  replyLag.start();
  return [
    whatsappWebhookRoutes({
      appSecret: config.WHATSAPP_APP_SECRET,
      verifyToken: config.WHATSAPP_VERIFY_TOKEN,
      temporal: deps.temporal,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      db: deps.db,
      accepted: new AcceptedMessages(deps.redis),
      channels: new ChannelDirectory(deps.db, { secrets }),
      log: log.child({ route: 'whatsapp-webhook' }),
      maxInFlight: config.WEBHOOK_MAX_IN_FLIGHT,
      overloaded: () => replyLag.overloaded(),
    }),
    botsApiRoutes({ db: deps.db, temporal: deps.temporal, log: log.child({ route: 'bots' }) }),
    conversationRoutes(deps.db, deps.temporal),
    channelsRoutes({ db: deps.db, secrets }),
    templatesRoutes({
      db: deps.db,
      secrets,
      graph: { baseUrl: config.GRAPH_API_BASE_URL, version: config.GRAPH_API_VERSION },
    }),
    nodeTypesRoutes(),
    knowledgeApiRoutes({
      db: deps.db,
      temporal: deps.temporal,
      models: new EmbeddingModels(config),
      maxDocumentBytes: config.KNOWLEDGE_MAX_DOCUMENT_BYTES,
      ingestionTaskQueue: config.INGESTION_TASK_QUEUE,
    }),
  ];
}
