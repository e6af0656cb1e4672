import { spawn } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { ApplicationFailure } from '@temporalio/common';
import type { ConversationRef } from '@botflow/contracts';
import { createPrismaClient, Prisma, type PrismaClient } from '@botflow/db';
import { createTestDatabase, type TestDatabase } from '@botflow/db/testing';
import { secretBoxFromConfig, type SecretBox } from '@botflow/secrets';

export interface SendFixture {
  database: TestDatabase;
  db: PrismaClient;
  secrets: SecretBox;
  /** The key `secrets` was made from (`secretBoxFromConfig`), for other processes that send as this number. */
  secretsKey: string;
  phoneNumberId: string;
  accessToken: string;
  /** One conversation per customer, with its contact; the customers wrote `lastInboundAgoMs` ago. */
  conversations: ConversationRef[];
  close(): Promise<void>;
}

/**
 * A fresh database with one connected number and `customers` open conversations on it: what the send path reads
 * and writes, without the workflow. For the pacing tests and bench/send-rate.
 */
export async function startSendFixture(options: {
  customers: number;
  lastInboundAgoMs?: number;
}): Promise<SendFixture> {
  const database = await createTestDatabase();
  const db = createPrismaClient(database.url);
  const secretsKey = `test:${randomBytes(32).toString('base64')}`;
  const secrets = secretBoxFromConfig(secretsKey);
  const suffix = randomBytes(4).toString('hex');
  const organisationId = `org_${suffix}`;
  const phoneNumberId = `5${String(randomInt(1e9)).padStart(9, '0')}${String(randomInt(1e5)).padStart(5, '0')}`;
  const channelId = `ch_${phoneNumberId}`;
  const accessToken = `token-${suffix}`;
  const seal = (value: string) => new Uint8Array(secrets.seal(value, channelId));

  await db.$executeRaw`INSERT INTO organisations (id, name, slug, updated_at)
                       VALUES (${organisationId}, 'Pacing', ${`pacing-${suffix}`}, now())`;
  await db.$executeRaw`
    INSERT INTO whatsapp_channels (id, organisation_id, phone_number_id, waba_id, display_phone_number,
                                   access_token_ciphertext, app_secret_ciphertext, verify_token_ciphertext, updated_at)
    VALUES (${channelId}, ${organisationId}, ${phoneNumberId}, ${`2${phoneNumberId.slice(1)}`}, '+15550001111',
            ${seal(accessToken)}, ${seal('app-secret')}, ${seal('verify-token')}, now())`;

  const lastInbound = new Date(Date.now() - (options.lastInboundAgoMs ?? 0));
  const conversations: ConversationRef[] = Array.from({ length: options.customers }, (_, i) => {
    const recipient = String(27_820_000_000 + i);
    return {
      id: `cv_${suffix}_${i}`,
      workflowId: `conv:${phoneNumberId}:${recipient}`,
      phoneNumberId,
      channelId,
      contactId: `ct_${suffix}_${i}`,
      recipient,
      organizationId: organisationId,
      botId: `bot_${suffix}`,
      botVersion: 1,
      botVersionId: `bv_${suffix}`,
    };
  });
  for (let i = 0; i < conversations.length; i += 500) {
    const batch = conversations.slice(i, i + 500);
    await db.$executeRaw`
      INSERT INTO contacts (id, organisation_id, wa_id, phone, last_inbound_at, updated_at)
      VALUES ${Prisma.join(batch.map((c) => Prisma.sql`(${c.contactId}, ${organisationId}, ${c.recipient}, ${c.recipient}, ${lastInbound}, now())`))}`;
    await db.$executeRaw`
      INSERT INTO conversations (id, workflow_id, run_id, channel_id, contact_id, updated_at)
      VALUES ${Prisma.join(batch.map((c) => Prisma.sql`(${c.id}, ${c.workflowId}, ${`run_${c.id}`}, ${channelId}, ${c.contactId}, now())`))}`;
  }

  return {
    database,
    db,
    secrets,
    secretsKey,
    phoneNumberId,
    accessToken,
    conversations,
    async close() {
      await db.$disconnect();
      await database.drop();
    },
  };
}

/** Runs an activity's body as Temporal retries it: after the failure's own `nextRetryDelay`, else 200 ms doubling. */
export async function retryLikeTemporal<T>(
  run: () => Promise<T>,
  maxAttempts = 100,
): Promise<{ result: T; attempts: number }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return { result: await run(), attempts: attempt };
    } catch (err) {
      if ((err instanceof ApplicationFailure && err.nonRetryable) || attempt >= maxAttempts) throw err;
      const delay =
        err instanceof ApplicationFailure && typeof err.nextRetryDelay === 'number'
          ? err.nextRetryDelay
          : Math.min(200 * 2 ** (attempt - 1), 30_000);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** At most `limit` at once, like a worker's activity slots. */
export function slots(limit: number): <T>(run: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (run) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await run();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}

export interface EmulatorProcess {
  url: string;
  /** GET or POST (with a body) on the emulator's control API. */
  control<T>(path: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

/**
 * The WhatsApp emulator as its own process, as Meta is: its clock and its counts are then not held up by the
 * sender's busy event loop. Status webhooks go nowhere (a closed port, no retries): only the sends matter here.
 */
export async function startEmulatorProcess(number: {
  phoneNumberId: string;
  accessToken: string;
}): Promise<EmulatorProcess> {
  const [port, deadPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, ['services/whatsapp-emulator/src/main.ts'], {
    cwd: new URL('../../..', import.meta.url).pathname,
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      EMULATOR_PORT: String(port),
      EMULATOR_PHONE_NUMBER_ID: number.phoneNumberId,
      EMULATOR_ACCESS_TOKEN: number.accessToken,
      EMULATOR_WEBHOOK_URL: `http://127.0.0.1:${deadPort}/webhooks/whatsapp`,
      EMULATOR_WEBHOOK_RETRY: '',
      EMULATOR_STATUSES: 'sent',
      EMULATOR_STATUS_DELAY_MS: '600000', // after the run: no webhook traffic during it
      EMULATOR_ENFORCE_WINDOW: 'false',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (
    !(await fetch(`${url}/health/live`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the emulator did not start: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    async control<T>(path: string, body?: unknown): Promise<T> {
      const res = await fetch(`${url}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
