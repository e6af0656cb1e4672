import express from 'express';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer, listen } from '@botflow/service-kit';
import { createEmulator, type Emulator } from './app.ts';
import type { EmulatorOptions } from './options.ts';

export interface ReceivedWebhook {
  rawBody: Buffer;
  body: unknown;
  signature: string | undefined;
  userAgent: string | undefined;
}

/** A stand-in for the bot's webhook endpoint: records every POST and answers with the queued statuses, then 200. */
export async function startReceiver() {
  const received: ReceivedWebhook[] = [];
  const replies: number[] = [];
  const app = express();
  app.post('/webhooks/whatsapp', express.raw({ type: '*/*', limit: '5mb' }), (req, res) => {
    const rawBody = req.body as Buffer;
    received.push({
      rawBody,
      body: JSON.parse(rawBody.toString('utf8')) as unknown,
      signature: req.get('x-hub-signature-256'),
      userAgent: req.get('user-agent'),
    });
    res.sendStatus(replies.shift() ?? 200);
  });
  app.get('/webhooks/whatsapp', (req, res) => {
    if (req.query['hub.verify_token'] === 'dev-verify-token') res.send(req.query['hub.challenge']);
    else res.sendStatus(403);
  });
  const server = await listen(app, 0);
  return {
    url: `${urlOf(server)}/webhooks/whatsapp`,
    received,
    replies,
    close: () => closeServer(server),
    /** Resolves once `count` webhooks have arrived. */
    waitFor: (count: number, timeoutMs = 3000) => until(() => received.length >= count, timeoutMs, `${count} webhooks`),
  };
}

export async function startEmulator(
  options: Partial<EmulatorOptions>,
): Promise<Emulator & { url: string; stop: () => Promise<void>; idle: () => Promise<void> }> {
  const emulator = createEmulator({ statusDelayMs: 5, webhookRetryMs: [30, 60], ...options });
  const server = await listen(emulator.app, 0);
  return {
    ...emulator,
    url: urlOf(server),
    /** Resolves once no status report or retry is scheduled and no webhook is on the wire. */
    idle: () => {
      const { timers, webhooks } = emulator.context;
      return until(() => timers.pending === 0 && webhooks.inFlight === 0, 3000, 'the emulator to go idle');
    },
    stop: async () => {
      await emulator.close();
      await closeServer(server);
    },
  };
}

type Receiver = Awaited<ReturnType<typeof startReceiver>>;
type RunningEmulator = Awaited<ReturnType<typeof startEmulator>>;

/**
 * For one test file: an emulator whose webhooks go to a recording receiver, both started once; after each test
 * the emulator settles and is reset and the receiver forgets what it saw. Read the fields inside tests.
 */
export function useEmulatorWithReceiver(options: Partial<EmulatorOptions> = {}) {
  const running: { receiver?: Receiver; emulator?: RunningEmulator } = {};
  beforeAll(async () => {
    running.receiver = await startReceiver();
    running.emulator = await startEmulator({ webhookUrl: running.receiver.url, ...options });
  });
  afterAll(async () => {
    await running.emulator?.stop();
    await running.receiver?.close();
  });
  afterEach(async () => {
    const { emulator, receiver } = running;
    if (!emulator || !receiver) return;
    await emulator.idle();
    await post(`${emulator.url}/_emulator/reset`, {});
    receiver.received.length = 0;
    receiver.replies.length = 0;
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the emulator starts in beforeAll');
    return value;
  };
  return {
    get receiver(): Receiver {
      return started(running.receiver);
    },
    get emulator(): RunningEmulator {
      return started(running.emulator);
    },
  };
}

export async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export async function post<T = unknown>(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    json: (text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : text) as T,
  };
}

function urlOf(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
