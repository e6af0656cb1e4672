import { randomBytes, randomInt } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll } from 'vitest';
import { Redis } from 'ioredis';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { createPrismaClient, type PrismaClient } from '@botflow/db';
import { EmbeddingModels, embeddingsConfigFromEnv } from '@botflow/embeddings';
import { createTestDatabase, type TestDatabase } from '@botflow/db/testing';
import type { BotDefinition } from '@botflow/graph';
import { secretBoxFromConfig } from '@botflow/secrets';
import { closeServer, createLogger, listen } from '@botflow/service-kit';
import { createApiApp } from '../../services/api/src/app.ts';
import { createApiToken } from '../../services/api/src/auth/api-tokens.ts';
import { botsApiRoutes } from '../../services/api/src/bots/bots-api.ts';
import { channelsRoutes } from '../../services/api/src/channels/channels-routes.ts';
import { conversationRoutes } from '../../services/api/src/conversations/conversation-routes.ts';
import { knowledgeApiRoutes } from '../../services/api/src/knowledge/knowledge-api.ts';
import { seedDemo } from '../../services/api/src/demo/seed-demo.ts';
import { AcceptedMessages } from '../../services/api/src/webhooks/accepted-messages.ts';
import { ChannelDirectory } from '../../services/api/src/webhooks/channel-directory.ts';
import { whatsappWebhookRoutes } from '../../services/api/src/webhooks/whatsapp-webhook.ts';
import { EventConsumer } from '../../services/analytics/src/consumer.ts';
import { createBatchHandler } from '../../services/analytics/src/handle-batch.ts';
import { createEmulator, type Emulator } from '../../services/whatsapp-emulator/src/app.ts';
import { terminateTaskQueue } from './terminate-task-queue.ts';
import { WorkerProcess } from './worker-process.ts';

export const APP_SECRET = 'e2e-app-secret';
export const VERIFY_TOKEN = 'e2e-verify-token';
const ACCESS_TOKEN = 'e2e-access-token';
const log = createLogger('e2e', 'silent');

export interface ProductOptions {
  /** The bot the phone number is bound to; the demo bot when not given. */
  definition?: BotDefinition;
  /** More settings for the worker process, e.g. WEBHOOK_SECRETS. */
  workerEnv?: Record<string, string>;
}

/**
 * The whole product on the real servers, isolated per test file: its own database, phone number, bot id and task
 * queue, so runs never see each other's workflows or counters. The worker runs as a separate process (it can be
 * killed); the API, the emulator and the analytics consumer run in this process.
 */
export async function startProduct(options: ProductOptions = {}) {
  const suffix = randomBytes(4).toString('hex');
  const organisationId = `org_${suffix}`;
  const phoneNumberId = `1${String(randomInt(1e9)).padStart(9, '0')}${String(randomInt(1e5)).padStart(5, '0')}`;
  const botId = `bot_${suffix}`;
  const taskQueue = `e2e-${suffix}`;
  const ingestionTaskQueue = `e2e-ingestion-${suffix}`;
  const secretsKey = `test:${randomBytes(32).toString('base64')}`;
  const env = process.env;

  const database: TestDatabase = await createTestDatabase();
  const db: PrismaClient = createPrismaClient(database.url);
  const redis = new Redis(env.REDIS_URL ?? '');
  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS ?? '' });
  const temporal = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE ?? 'default' });

  const api = createApiApp({
    log,
    healthChecks: [],
    routes: [
      whatsappWebhookRoutes({
        appSecret: APP_SECRET,
        verifyToken: VERIFY_TOKEN,
        temporal,
        taskQueue,
        db,
        accepted: new AcceptedMessages(redis),
        channels: new ChannelDirectory(db, { secrets: secretBoxFromConfig(secretsKey) }),
        log,
        maxInFlight: 256,
      }),
      conversationRoutes(db, temporal),
      botsApiRoutes({ db, temporal, log }),
      channelsRoutes({ db, secrets: secretBoxFromConfig(secretsKey) }),
      knowledgeApiRoutes({
        db,
        temporal,
        models: new EmbeddingModels(embeddingsConfigFromEnv({})),
        maxDocumentBytes: 1024 * 1024,
        ingestionTaskQueue,
      }),
    ],
  });
  const apiServer = await listen(api, 0);
  const apiUrl = urlOf(apiServer);

  const emulator: Emulator = createEmulator({
    webhookUrl: `${apiUrl}/webhooks/whatsapp`,
    appSecret: APP_SECRET,
    verifyToken: VERIFY_TOKEN,
    accessToken: ACCESS_TOKEN,
    phoneNumberId,
    statusDelayMs: 20,
    webhookRetryMs: [300, 600, 1200, 2400],
    // Meta refuses templates the business account has not had approved; the tour bot sends this one.
    approvedTemplates: [
      { name: 'hello_world', language: 'en_US' },
      { name: 'tour_welcome', language: 'en_US' },
    ],
  });
  const emulatorServer = await listen(emulator.app, 0);
  const emulatorUrl = urlOf(emulatorServer);

  await seedDemo(
    db,
    secretBoxFromConfig(secretsKey),
    {
      phoneNumberId,
      wabaId: `2${phoneNumberId.slice(1)}`,
      displayPhoneNumber: '+15550001234',
      accessToken: ACCESS_TOKEN,
      appSecret: APP_SECRET,
      verifyToken: VERIFY_TOKEN,
    },
    { organisationId, botId },
    options.definition,
  );
  const apiToken = await createApiToken(db, organisationId, 'e2e');

  const worker = new WorkerProcess({
    DATABASE_URL: database.url,
    TEMPORAL_TASK_QUEUE: taskQueue,
    INGESTION_TASK_QUEUE: ingestionTaskQueue,
    GRAPH_API_BASE_URL: emulatorUrl,
    BOTFLOW_SECRETS_KEY: secretsKey,
    SEND_RECONCILE_GRACE_MS: '3000',
    OUTBOX_IDLE_POLL_MS: '50',
    MEDIA_DIR: join(tmpdir(), `botflow-e2e-media-${suffix}`),
    // The APIs, webhook receivers and calendars the tests' bots call listen on 127.0.0.1, which bots may reach only
    // when allowed.
    SAFE_FETCH_ALLOW: '127.0.0.1',
    ...options.workerEnv,
  });
  await worker.start();

  const kafka = new Kafka({
    clientId: `e2e-${suffix}`,
    brokers: (env.KAFKA_BROKERS ?? '').split(','),
    logLevel: logLevel.NOTHING,
  });
  const deadLetters = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await deadLetters.connect();
  const consumer = new EventConsumer(kafka, `e2e-analytics-${suffix}`, log);
  const joined = consumer.joined();
  // From the beginning, as in production: a group that starts at "latest" skips whatever is published before its
  // first join (or its rejoin after a broker outage). Other runs' events count only under their own bot ids.
  await consumer.start(createBatchHandler(db, deadLetters, log));
  await joined;

  return {
    db,
    temporal,
    emulator,
    emulatorUrl,
    apiUrl,
    phoneNumberId,
    organisationId,
    botId,
    /** An API token of the bot's organisation, for the /api routes. */
    apiToken,
    taskQueue,
    worker,
    /** Sends a message as the customer through the emulator (a signed Meta webhook to the API). */
    async say(waId: string, input: string | Record<string, unknown>): Promise<string> {
      const body = typeof input === 'string' ? { text: input } : input;
      const res = await fetch(`${emulatorUrl}/_emulator/customers/${waId}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const result = (await res.json()) as { wamid: string };
      return result.wamid;
    },
    /** The bot's messages to this customer, as the emulator (Meta) recorded them. */
    replies(waId: string): { wamid: string; contextId?: string; text: string }[] {
      const chat = emulator.state.findChat(waId);
      return (chat?.entries ?? [])
        .filter((e) => e.direction === 'outbound')
        .map((e) => ({
          wamid: e.wamid,
          ...(e.contextId ? { contextId: e.contextId } : {}),
          text: (e.message as { text?: { body?: string } }).text?.body ?? '',
        }));
    },
    /** Every message the bot sent this customer (interactive, media and templates too), as Meta received it. */
    sent(waId: string): { wamid: string; type: string; message: Record<string, unknown> }[] {
      const chat = emulator.state.findChat(waId);
      return (chat?.entries ?? [])
        .filter((e) => e.direction === 'outbound')
        .map((e) => ({ wamid: e.wamid, type: e.type, message: e.message as Record<string, unknown> }));
    },
    async hourlyCount(metric: string): Promise<number> {
      const [row] = await db.$queryRaw<{ total: bigint | null }[]>`
        SELECT SUM(value) AS total FROM analytics_hourly WHERE bot_id = ${botId} AND metric = ${metric}`;
      return Number(row?.total ?? 0);
    },
    async stop(): Promise<void> {
      await worker.stop();
      await consumer.stop();
      await deadLetters.disconnect();
      await emulator.close();
      await closeServer(emulatorServer);
      await closeServer(apiServer);
      await terminateTaskQueue(temporal, taskQueue);
      await terminateTaskQueue(temporal, ingestionTaskQueue);
      await connection.close();
      redis.disconnect();
      await db.$disconnect();
      await database.drop();
    },
  };
}

export type Product = Awaited<ReturnType<typeof startProduct>>;

/**
 * Starts the product once for the test file and stops it after; call the returned function inside tests. The options
 * are asked for when it starts, so they can depend on what the test set up before (a local server's address, say).
 */
export function useProduct(options: () => ProductOptions | Promise<ProductOptions> = () => ({})): () => Product {
  let product: Product | undefined;
  beforeAll(async () => {
    product = await startProduct(await options());
  }, 120_000);
  afterAll(async () => {
    await product?.stop();
  }, 60_000);
  return () => {
    if (!product) throw new Error('the product did not start (see beforeAll)');
    return product;
  };
}

/** Polls until the check passes; fails with the last value seen. */
export async function eventually<T>(
  read: () => T | Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!check(value)) {
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

function urlOf(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
