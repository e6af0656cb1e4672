import { z } from 'zod';
import { TASK_QUEUES } from '@botflow/contracts';
import { embeddingsConfigSchema } from '@botflow/embeddings';
import { parseAllowList } from '@botflow/safe-fetch';
import { envPort, loadConfig, logLevel, serverUrls } from '@botflow/service-kit';
import { mediaLimitOverrides } from '@botflow/whatsapp';

const schema = z
  .object({
    WORKER_HEALTH_PORT: envPort.default(3001),
    LOG_LEVEL: logLevel,
    DATABASE_URL: serverUrls.DATABASE_URL,
    KAFKA_BROKERS: serverUrls.KAFKA_BROKERS,
    REDIS_URL: serverUrls.REDIS_URL,
    TEMPORAL_ADDRESS: serverUrls.TEMPORAL_ADDRESS,
    TEMPORAL_NAMESPACE: serverUrls.TEMPORAL_NAMESPACE,
    TEMPORAL_TASK_QUEUE: z.string().min(1).default(TASK_QUEUES.conversations),
    INGESTION_TASK_QUEUE: z.string().min(1).default(TASK_QUEUES.ingestion),
    /** Documents ingested at once by this worker: each embeds on the CPU the conversations also need. */
    INGESTION_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
    /**
     * The chat model that composes knowledge answers from the retrieved passages (with citations): `openai` for OpenAI
     * or any compatible server (LLM_BASE_URL: Ollama, vLLM). `none`: the best passage is quoted instead.
     */
    LLM_PROVIDER: z.enum(['none', 'openai']).default('none'),
    LLM_MODEL: z.string().min(1).default('gpt-4o-mini'),
    LLM_BASE_URL: z
      .url({ protocol: /^https?$/ })
      .optional()
      .or(z.literal('').transform(() => undefined)),
    /** The chat server's key; OPENAI_API_KEY is used only for OpenAI itself (no LLM_BASE_URL), never sent elsewhere. */
    LLM_API_KEY: z
      .string()
      .optional()
      .transform((v) => (v === '' ? undefined : v)),
    LLM_TIMEOUT_MS: z.coerce.number().int().positive().max(60_000).default(6000),
    /** Largest document parsed, uploaded or fetched from a URL, in bytes: give the API the same value. */
    KNOWLEDGE_MAX_DOCUMENT_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(20 * 1024 * 1024),
    /** Meta's Graph API, or the local emulator / benchmark sink speaking its format. */
    GRAPH_API_BASE_URL: z.url().default('https://graph.facebook.com'),
    GRAPH_API_VERSION: z
      .string()
      .regex(/^v\d+\.\d+$/, 'expected a Graph API version like v23.0')
      .default('v23.0'),
    /** Keys that encrypt tenants' secrets: `id:base64-32-bytes[,older…]`, the first one active. */
    BOTFLOW_SECRETS_KEY: z.string().min(1, 'set BOTFLOW_SECRETS_KEY (see README: secrets)'),
    /** Conversations kept in memory between turns; beyond it the least recent is evicted and replayed when needed. */
    WORKER_MAX_CACHED_WORKFLOWS: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.coerce.number().int().min(1).optional(),
    ),
    SEND_RECONCILE_GRACE_MS: z.coerce.number().int().min(0).default(5000),
    /** Meta's throughput per business number (messages/s, 80 by default, 1,000 once upgraded); 0: no pacing. */
    SEND_RATE_PER_NUMBER: z.coerce.number().min(0).default(80),
    /** Numbers with another throughput: a JSON object of phone number id to messages per second. */
    SEND_RATE_BY_NUMBER: z
      .string()
      .default('{}')
      .transform((text, ctx) => {
        try {
          return z.record(z.string().regex(/^\d+$/), z.number().positive()).parse(JSON.parse(text));
        } catch {
          ctx.addIssue({
            code: 'custom',
            message: 'expected a JSON object of phone number ids to messages per second, e.g. {"1065…": 1000}',
          });
          return z.NEVER;
        }
      }),
    /**
     * Sends of one number are spaced as if a second lasted this much longer: the margin for sends that reach Meta late
     * (a busy worker, the network). Larger: fewer messages per second, but none over the rate despite more jitter.
     */
    SEND_RATE_GUARD_MS: z.coerce.number().int().min(0).max(1000).default(50),
    /** Meta's pair limit: messages one customer may get at once, then one per SEND_PAIR_INTERVAL_MS; 0: no pacing. */
    SEND_PAIR_BURST: z.coerce.number().int().min(0).default(45),
    SEND_PAIR_INTERVAL_MS: z.coerce.number().int().positive().default(6000),
    /** Longest a turn waits for send slots before it is retried later instead. */
    SEND_RATE_MAX_WAIT_MS: z.coerce.number().int().min(0).max(15_000).default(5000),
    /** Where customers' photos, documents and voice notes are stored, by content hash. */
    MEDIA_DIR: z.string().min(1).default('data/media'),
    /** Other limits than Meta's for customers' media, as JSON: `{"video":{"maxBytes":67108864}}`. */
    MEDIA_LIMITS: z
      .string()
      .default('{}')
      .transform((text, ctx) => {
        try {
          return mediaLimitOverrides.parse(JSON.parse(text));
        } catch {
          ctx.addIssue({ code: 'custom', message: 'expected JSON such as {"video":{"maxBytes":67108864}}' });
          return z.NEVER;
        }
      }),
    /** Outbox relay: rows per Kafka batch, and the pause when there was nothing to publish. */
    OUTBOX_BATCH_SIZE: z.coerce.number().int().positive().default(500),
    OUTBOX_IDLE_POLL_MS: z.coerce.number().int().positive().default(100),
    /** Each asking of an unanswered question is kept this long (a retried asking counts once), then forgotten. */
    UNANSWERED_ASK_RETENTION_DAYS: z.coerce.number().positive().default(7),
    /** Signing secrets of outgoing webhook nodes, by the name a node's `secretRef` gives: a JSON object. */
    WEBHOOK_SECRETS: z
      .string()
      .default('{}')
      .transform((text, ctx) => {
        try {
          return z.record(z.string(), z.string().min(16)).parse(JSON.parse(text));
        } catch {
          ctx.addIssue({
            code: 'custom',
            message: 'expected a JSON object of secret names to secrets of at least 16 characters',
          });
          return z.NEVER;
        }
      }),
    /**
     * Destinations that http_request, webhook and check_availability nodes may reach although they are not public
     * internet addresses, for development and tests: `127.0.0.1, 10.1.0.0/16, localhost:3000, [::1]:8080`. Empty (the
     * default) in production: then bots reach only the public internet.
     */
    SAFE_FETCH_ALLOW: z
      .string()
      .default('')
      .transform((text, ctx) => {
        try {
          return parseAllowList(text);
        } catch (err) {
          ctx.addIssue({ code: 'custom', message: (err as Error).message });
          return z.NEVER;
        }
      }),
  })
  .extend(embeddingsConfigSchema.shape);

export type WorkerConfig = z.infer<typeof schema>;
export const loadWorkerConfig = (env: NodeJS.ProcessEnv = process.env): WorkerConfig => loadConfig(schema, env);
