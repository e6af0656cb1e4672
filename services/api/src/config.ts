import { z } from 'zod';
import { TASK_QUEUES } from '@botflow/contracts';
import { embeddingsConfigSchema } from '@botflow/embeddings';
import { envPort, loadConfig, logLevel, serverUrls } from '@botflow/service-kit';

const schema = z
  .object({
    API_PORT: envPort.default(3000),
    API_HOST: z.string().default('127.0.0.1'),
    LOG_LEVEL: logLevel,
    DATABASE_URL: serverUrls.DATABASE_URL,
    REDIS_URL: serverUrls.REDIS_URL,
    KAFKA_BROKERS: serverUrls.KAFKA_BROKERS,
    TEMPORAL_ADDRESS: serverUrls.TEMPORAL_ADDRESS,
    TEMPORAL_NAMESPACE: serverUrls.TEMPORAL_NAMESPACE,
    TEMPORAL_TASK_QUEUE: z.string().min(1).default(TASK_QUEUES.conversations),
    INGESTION_TASK_QUEUE: z.string().min(1).default(TASK_QUEUES.ingestion),
    /** The Meta app's secret: every webhook is signed with it. */
    WHATSAPP_APP_SECRET: z.string().min(8, 'the Meta app secret (App settings → Basic) is required'),
    /** The token typed into Meta's webhook configuration, echoed back in the subscription handshake. */
    WHATSAPP_VERIFY_TOKEN: z.string().min(8, 'choose a verify token of at least 8 characters'),
    /** Keys that encrypt tenants' secrets (channels' tokens): the same value as the worker's. */
    BOTFLOW_SECRETS_KEY: z.string().min(1, 'set BOTFLOW_SECRETS_KEY (see README: secrets)'),
    /** Meta's Graph API (message templates), or the local emulator speaking its format. */
    GRAPH_API_BASE_URL: z.url().default('https://graph.facebook.com'),
    GRAPH_API_VERSION: z
      .string()
      .regex(/^v\d+\.\d+$/, 'expected a Graph API version like v23.0')
      .default('v23.0'),
    WEBHOOK_MAX_IN_FLIGHT: z.coerce.number().int().positive().default(256),
    /** Shed webhooks (503) while the workers' p90 reply time is above this; 0 turns it off. */
    WEBHOOK_SHED_REPLY_LAG_MS: z.coerce.number().int().min(0).default(3000),
    /** Largest document an owner may upload (and the worker fetch from a URL), in bytes. */
    KNOWLEDGE_MAX_DOCUMENT_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(20 * 1024 * 1024),
  })
  .extend(embeddingsConfigSchema.shape);

export type ApiConfig = z.infer<typeof schema>;
export const loadApiConfig = (env: NodeJS.ProcessEnv = process.env): ApiConfig => loadConfig(schema, env);
