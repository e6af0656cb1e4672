import { z } from 'zod';
import { TASK_QUEUES } from '@botflow/contracts';
import { envPort, loadConfig, logLevel, serverUrls } from '@botflow/service-kit';

const schema = z.object({
  WORKER_HEALTH_PORT: envPort.default(3001),
  LOG_LEVEL: logLevel,
  DATABASE_URL: serverUrls.DATABASE_URL,
  KAFKA_BROKERS: serverUrls.KAFKA_BROKERS,
  REDIS_URL: serverUrls.REDIS_URL,
  TEMPORAL_ADDRESS: serverUrls.TEMPORAL_ADDRESS,
  TEMPORAL_NAMESPACE: serverUrls.TEMPORAL_NAMESPACE,
  TEMPORAL_TASK_QUEUE: z.string().min(1).default(TASK_QUEUES.conversations),
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
  /** Outbox relay: rows per Kafka batch, and the pause when there was nothing to publish. */
  OUTBOX_BATCH_SIZE: z.coerce.number().int().positive().default(500),
  OUTBOX_IDLE_POLL_MS: z.coerce.number().int().positive().default(100),
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
});

export type WorkerConfig = z.infer<typeof schema>;
export const loadWorkerConfig = (env: NodeJS.ProcessEnv = process.env): WorkerConfig => loadConfig(schema, env);
