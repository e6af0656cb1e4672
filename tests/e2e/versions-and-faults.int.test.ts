import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { compileGraph, type BotGraph } from '@botflow/graph/catalogue';
import { eventually, useProduct } from './product.ts';

/** Two questions; `label` marks every text, so a reply shows which version wrote it. */
function interview(label: string): BotGraph {
  return {
    entry: 'ask_name',
    nodes: [
      { id: 'ask_name', type: 'ask_text', options: { prompt: `[${label}] Your name?`, variable: 'name' } },
      { id: 'ask_city', type: 'ask_text', options: { prompt: `[${label}] Your city, {{name}}?`, variable: 'city' } },
      { id: 'thanks', type: 'send_text', options: { text: `[${label}] Thanks, {{name}} from {{city}}.` } },
    ],
    edges: [
      { from: 'ask_name', port: 'next', to: 'ask_city' },
      { from: 'ask_city', port: 'next', to: 'thanks' },
    ],
    variables: [],
    settings: {},
  };
}

const product = useProduct(() => {
  const compiled = compileGraph(interview('v1'));
  if (!compiled.ok) throw new Error('the interview graph does not compile');
  return { definition: compiled.definition };
});

async function api<T = Record<string, unknown>>(method: string, path: string, body?: unknown) {
  const res = await fetch(`${product().apiUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${product().apiToken}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as T };
}

async function publish(graph: BotGraph, moveRunning: boolean) {
  expect((await api('PUT', `/api/bots/${product().botId}/draft`, { graph })).status).toBe(200);
  const published = await api<{ version: { version: number } }>('POST', `/api/bots/${product().botId}/versions`, {
    moveRunning,
  });
  expect(published.status).toBe(201);
  return published.body.version.version;
}

const texts = (customer: string) =>
  product()
    .replies(customer)
    .map((r) => r.text);

describe('a new version while conversations run', () => {
  it('keeps a running conversation on its version, or moves it at its next question when the owner asks', async () => {
    const staying = '27820000401';
    const moving = '27820000402';
    for (const customer of [staying, moving]) {
      await product().say(customer, 'hi');
      await eventually(
        () => texts(customer),
        (t) => t.length === 1,
      );
    }

    await publish(interview('v2'), false);
    await product().say(staying, 'Sipho');
    await eventually(
      () => texts(staying),
      (t) => t.length === 2,
    );
    expect(texts(staying)[1]).toBe('[v1] Your city, Sipho?');

    const v3 = await publish(interview('v3'), true);
    await product().say(moving, 'Lindiwe');
    await product().say(staying, 'Durban');
    await eventually(
      () => [...texts(moving), ...texts(staying)],
      (t) => t.length === 5,
    );
    // Publishing v3 with moveRunning moves every running conversation of the bot at its next question.
    expect(texts(moving)).toEqual(['[v1] Your name?', '[v3] Your city, Lindiwe?']);
    expect(texts(staying)[2]).toBe('[v3] Thanks, Sipho from Durban.');
    const conversation = await product().db.conversation.findFirst({
      where: { contact: { waId: moving } },
      include: { botVersion: true },
    });
    expect(conversation?.botVersion?.version).toBe(v3);
  });

  it('replays a recorded conversation against a draft and says where the replies differ', async () => {
    const customer = '27820000403';
    await product().say(customer, 'hi');
    await eventually(
      () => texts(customer),
      (t) => t.length === 1,
    );
    await product().say(customer, 'Ayanda');
    await eventually(
      () => texts(customer),
      (t) => t.length === 2,
    );
    const [conversation] = await product().db.conversation.findMany({ where: { contact: { waId: customer } } });
    const replay = await api<{ summary: Record<string, number>; messages: { same: boolean }[] }>(
      'POST',
      `/api/bots/${product().botId}/replay`,
      { conversationId: conversation?.id, graph: interview('draft') },
    );
    expect(replay.status).toBe(200);
    expect(replay.body.messages.map((m) => m.same)).toEqual([false, false]);
  });
});

/** A port on which nothing listens: every request to it fails at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('faults inside a bot', () => {
  it('an HTTP request that keeps failing leaves through its error exit after its retries', async () => {
    const port = await closedPort();
    const graph: BotGraph = {
      entry: 'call',
      nodes: [
        {
          id: 'call',
          type: 'http_request',
          options: {
            url: `http://127.0.0.1:${port}/down`,
            retry: { maxAttempts: 2, initialIntervalSeconds: 0.2 },
            timeoutSeconds: 2,
          },
        },
        { id: 'ok', type: 'send_text', options: { text: 'it worked' } },
        { id: 'sorry', type: 'send_text', options: { text: 'Our booking system is down, sorry.' } },
      ],
      edges: [
        { from: 'call', port: 'next', to: 'ok' },
        { from: 'call', port: 'error', to: 'sorry' },
      ],
      variables: [],
      settings: {},
    };
    await publish(graph, false);
    const customer = '27820000404';
    await product().say(customer, 'book please');
    await eventually(
      () => texts(customer),
      (t) => t.length === 1,
      20_000,
    );
    expect(texts(customer)).toEqual(['Our booking system is down, sorry.']);
  });

  it('a question nobody answers leaves through its timeout exit', async () => {
    const graph: BotGraph = {
      entry: 'ask',
      nodes: [
        { id: 'ask', type: 'ask_text', options: { prompt: 'Still there?', variable: 'x', timeoutSeconds: 10 } },
        { id: 'bye', type: 'send_text', options: { text: 'I will be here when you are back.' } },
      ],
      edges: [{ from: 'ask', port: 'timeout', to: 'bye' }],
      variables: [],
      settings: {},
    };
    await publish(graph, false);
    const customer = '27820000405';
    await product().say(customer, 'hi');
    await eventually(
      () => texts(customer),
      (t) => t.length === 2,
      20_000,
    );
    expect(texts(customer)).toEqual(['Still there?', 'I will be here when you are back.']);
    const [conversation] = await eventually(
      () => product().db.conversation.findMany({ where: { contact: { waId: customer } } }),
      (c) => c[0]?.status === 'completed',
    );
    expect(conversation?.outcome).toBe('completed');
  });
});
