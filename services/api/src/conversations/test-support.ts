import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Client, Connection, defaultPayloadConverter } from '@temporalio/client';
import { CONVERSATION_WORKFLOW } from '@botflow/contracts';
import type { PrismaClient } from '@botflow/db';
import { closeServer, createLogger, listen } from '@botflow/service-kit';
import { createApiApp } from '../app.ts';
import { createApiToken } from '../auth/api-tokens.ts';
import { conversationRoutes } from './conversation-routes.ts';

/** For integration tests: the conversations API on a free port, and workflows on a queue no worker polls. */
export async function startConversationsApi(db: PrismaClient) {
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  const temporal = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
  const log = createLogger('test', 'silent');
  const server = await listen(createApiApp({ log, healthChecks: [], routes: [conversationRoutes(db, temporal)] }), 0);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const taskQueue = `conversations-test-${randomUUID()}`;
  const started: string[] = [];
  return {
    temporal,
    async call<T = Record<string, unknown>>(
      method: string,
      path: string,
      options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
    ): Promise<{ status: number; body: T }> {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: {
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...options.headers,
        },
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      });
      return { status: res.status, body: (await res.json()) as T };
    },
    /** A conversation workflow that stays running (nothing polls its queue) and records every signal it gets. */
    async startWorkflow(): Promise<string> {
      const workflowId = `conv:test:${randomUUID()}`;
      await temporal.workflow.start(CONVERSATION_WORKFLOW, { workflowId, taskQueue, args: [{}] });
      started.push(workflowId);
      return workflowId;
    },
    async signalsTo<T>(workflowId: string, name: string): Promise<T[]> {
      const history = await temporal.workflow.getHandle(workflowId).fetchHistory();
      return (history.events ?? []).flatMap((e) => {
        const signal = e.workflowExecutionSignaledEventAttributes;
        if (signal?.signalName !== name) return [];
        const [payload] = signal.input?.payloads ?? [];
        return payload ? [defaultPayloadConverter.fromPayload<T>(payload)] : [];
      });
    },
    async close() {
      await Promise.all(
        started.map((id) =>
          temporal.workflow
            .getHandle(id)
            .terminate('test over')
            .catch(() => undefined),
        ),
      );
      await closeServer(server);
      await connection.close();
    },
  };
}

export type ConversationsApi = Awaited<ReturnType<typeof startConversationsApi>>;

/** An organisation with a token, a number, and a published bot whose nodes are `ask_name` and `menu`. */
export async function organisationWithBot(db: PrismaClient) {
  const suffix = randomUUID().slice(0, 8);
  const org = await db.organisation.create({ data: { name: `Inbox ${suffix}`, slug: `inbox-${suffix}` } });
  const token = await createApiToken(db, org.id, 'test');
  const bot = await db.bot.create({ data: { organisationId: org.id, name: 'Front desk' } });
  const definition = {
    schemaVersion: 1,
    entry: 'ask_name',
    nodes: {
      ask_name: { type: 'ask_text', options: { prompt: 'Your name?', variable: 'name' }, next: { next: 'menu' } },
      menu: { type: 'ask_text', options: { prompt: 'What now?', variable: 'choice' }, next: {} },
    },
    settings: { sessionTimeoutSeconds: 86400 },
  };
  const version = await db.botVersion.create({
    data: { botId: bot.id, version: 1, contentHash: suffix, definition },
  });
  const channel = await db.whatsappChannel.create({
    data: {
      organisationId: org.id,
      phoneNumberId: `1${Date.now()}${suffix.slice(0, 4)}`,
      wabaId: 'waba',
      displayPhoneNumber: '+15550000000',
      accessTokenCiphertext: new Uint8Array([1]),
      appSecretCiphertext: new Uint8Array([1]),
      verifyTokenCiphertext: new Uint8Array([1]),
      boundBotId: bot.id,
    },
  });
  return { org, token, bot, version, channel };
}

type Setup = Awaited<ReturnType<typeof organisationWithBot>>;

/** A conversation of the setup's bot, as deliverTurn would have left it. */
export async function conversationIn(
  db: PrismaClient,
  setup: Setup,
  options: {
    workflowId?: string;
    status?: 'active' | 'completed';
    handoff?: { state: 'waiting' | 'active'; at: Date; reason?: string };
    lastInboundAt?: Date | null;
  } = {},
) {
  const waId = `2782${Math.floor(Math.random() * 1e7)}`;
  const contact = await db.contact.create({
    data: {
      organisationId: setup.org.id,
      waId,
      name: 'Thandi',
      lastInboundAt: options.lastInboundAt === undefined ? new Date() : options.lastInboundAt,
    },
  });
  return db.conversation.create({
    data: {
      workflowId: options.workflowId ?? `conv:test:${randomUUID()}`,
      runId: randomUUID(),
      channelId: setup.channel.id,
      contactId: contact.id,
      botId: setup.bot.id,
      botVersionId: setup.version.id,
      status: options.status ?? 'active',
      ...(options.handoff
        ? {
            handoffState: options.handoff.state,
            handoffReason: options.handoff.reason ?? 'asked for a person ("agent")',
            handedOverAt: options.handoff.at,
            ...(options.handoff.state === 'active' ? { agentRepliedAt: options.handoff.at } : {}),
          }
        : {}),
    },
  });
}
