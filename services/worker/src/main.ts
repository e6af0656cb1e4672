import express from 'express';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { bundleWorkflowCode, NativeConnection } from '@temporalio/worker';
import { Redis } from 'ioredis';
import { ChatAnswerModel, createDocumentKnowledge, createOutboundSender } from '@botflow/activities';
import { createPrismaClient } from '@botflow/db';
import { EmbeddingModels } from '@botflow/embeddings';
import { secretBoxFromConfig } from '@botflow/secrets';
import {
  closeServer,
  createLogger,
  healthRoutes,
  kafkaCheck,
  listen,
  postgresCheck,
  redisCheck,
  Shutdown,
  temporalCheck,
} from '@botflow/service-kit';
import { forgetOldAsks } from '@botflow/knowledge/quality';
import { GraphClient, MediaClient, mediaLimits } from '@botflow/whatsapp';
import { loadWorkerConfig } from './config.ts';
import { OutboxRelay } from './outbox-relay.ts';
import { ReplyLagReporter } from './reply-lag.ts';
import { installTemporalRuntime } from './temporal-runtime.ts';
import { createIngestionWorker } from './ingestion-worker.ts';
import { startHousekeeping } from './housekeeping.ts';
import { createWorker, workflowBundleOptions } from './worker.ts';

const config = loadWorkerConfig();
const log = createLogger('worker', config.LOG_LEVEL);
const shutdown = new Shutdown(log);
shutdown.listen();
installTemporalRuntime(log);

const db = createPrismaClient(config.DATABASE_URL);
shutdown.add('database', () => db.$disconnect());
const kafka = new Kafka({ clientId: 'botflow-worker', brokers: config.KAFKA_BROKERS, logLevel: logLevel.WARN });
const producer = kafka.producer({
  idempotent: true,
  maxInFlightRequests: 1,
  createPartitioner: Partitioners.DefaultPartitioner,
});
await producer.connect();
shutdown.add('kafka producer', () => producer.disconnect());
const admin = kafka.admin();
await admin.connect();
shutdown.add('kafka admin', () => admin.disconnect());

const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1 });
redis.on('error', () => {}); // admission-control figures and send pacing (which falls back); /health reports Redis
shutdown.add('redis', () => redis.quit());
const replyLag = new ReplyLagReporter(redis);
replyLag.start();
shutdown.add('reply lag reporter', async () => replyLag.stop());

const relay = new OutboxRelay({
  db,
  producer,
  log,
  batchSize: config.OUTBOX_BATCH_SIZE,
  idlePollMs: config.OUTBOX_IDLE_POLL_MS,
});
relay.start();
shutdown.add('outbox relay', () => relay.stop());
const stopHousekeeping = startHousekeeping(
  [
    { name: 'published outbox rows', everyMs: 3_600_000, run: () => relay.prune() },
    {
      name: 'unanswered-question askings',
      everyMs: 3_600_000,
      run: () => forgetOldAsks(db, config.UNANSWERED_ASK_RETENTION_DAYS),
    },
  ],
  log,
);
shutdown.add('housekeeping', () => Promise.resolve(stopHousekeeping()));

const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
shutdown.add('temporal connection', () => connection.close());
const sender = createOutboundSender({
  db,
  graph: new GraphClient({ baseUrl: config.GRAPH_API_BASE_URL, version: config.GRAPH_API_VERSION }),
  secrets: secretBoxFromConfig(config.BOTFLOW_SECRETS_KEY),
  reconcileGraceMs: config.SEND_RECONCILE_GRACE_MS,
  observeResponseTime: (ms) => replyLag.record(ms),
  rateLimit: {
    limits: {
      perSecond: config.SEND_RATE_PER_NUMBER,
      perSecondByNumber: config.SEND_RATE_BY_NUMBER,
      guardMs: config.SEND_RATE_GUARD_MS,
      pairBurst: config.SEND_PAIR_BURST,
      pairIntervalMs: config.SEND_PAIR_INTERVAL_MS,
    },
    redis,
    maxWaitMs: config.SEND_RATE_MAX_WAIT_MS,
    onRedisFailure: (err) => log.warn({ err }, 'Redis unavailable: this worker paces its sends alone meanwhile'),
  },
});
const models = new EmbeddingModels(config);
const workflowBundle = await bundleWorkflowCode(workflowBundleOptions);
const worker = await createWorker(config, connection, {
  db,
  sender,
  log,
  webhookSecrets: config.WEBHOOK_SECRETS,
  workflowBundle,
  knowledge: createDocumentKnowledge({
    db,
    models,
    // Without a chat model, answers quote the best passage.
    languageModel:
      config.LLM_PROVIDER === 'openai'
        ? new ChatAnswerModel({
            model: config.LLM_MODEL,
            apiKey: config.LLM_API_KEY ?? (config.LLM_BASE_URL ? undefined : config.OPENAI_API_KEY),
            baseURL: config.LLM_BASE_URL,
            timeoutMs: config.LLM_TIMEOUT_MS,
          })
        : null,
    log,
  }),
  media: {
    media: new MediaClient({ baseUrl: config.GRAPH_API_BASE_URL, version: config.GRAPH_API_VERSION }),
    secrets: secretBoxFromConfig(config.BOTFLOW_SECRETS_KEY),
    mediaDir: config.MEDIA_DIR,
    limits: mediaLimits(config.MEDIA_LIMITS),
  },
});

const ingestionWorker = await createIngestionWorker(config, connection, workflowBundle, {
  db,
  models,
  log,
  maxDocumentBytes: config.KNOWLEDGE_MAX_DOCUMENT_BYTES,
  fetchAllowHosts: config.SAFE_FETCH_ALLOW,
});

const app = express();
app.use(
  healthRoutes('worker', [
    postgresCheck({ query: (sql) => db.$queryRawUnsafe(sql) }),
    kafkaCheck(admin),
    redisCheck(redis),
    temporalCheck(connection, config.TEMPORAL_NAMESPACE),
    relay.healthCheck(),
    {
      name: 'worker',
      check: async () => {
        if (worker.getState() !== 'RUNNING') throw new Error(`worker is ${worker.getState()}`);
        const ingestion = ingestionWorker.getState();
        if (ingestion !== 'RUNNING') throw new Error(`ingestion worker is ${ingestion}`);
      },
    },
  ]),
);
const server = await listen(app, config.WORKER_HEALTH_PORT);
shutdown.add('health server', () => closeServer(server));

const running = Promise.all([worker.run(), ingestionWorker.run()]);
shutdown.add('worker', async () => {
  worker.shutdown();
  ingestionWorker.shutdown();
  await running;
});
log.info(
  {
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    ingestionTaskQueue: config.INGESTION_TASK_QUEUE,
    embeddingModel: models.defaultModel,
    healthPort: config.WORKER_HEALTH_PORT,
  },
  'worker started',
);
running.catch((err: unknown) => {
  log.fatal({ err }, 'worker stopped unexpectedly');
  process.exit(1);
});
