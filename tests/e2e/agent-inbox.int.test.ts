import { describe, expect, it } from 'vitest';
import { compileGraph, type BotGraph } from '@botflow/graph/catalogue';
import { eventually, useProduct } from './product.ts';

/** Asks a name and a city; "agent", "human" or "person" hands over at any point; a menu the agent can release to. */
const graph: BotGraph = {
  entry: 'ask_name',
  nodes: [
    { id: 'ask_name', type: 'ask_text', options: { prompt: 'Your name?', variable: 'name' } },
    { id: 'ask_city', type: 'ask_text', options: { prompt: 'Your city, {{name}}?', variable: 'city' } },
    { id: 'thanks', type: 'send_text', options: { text: 'Thanks, {{name}} from {{city}}.' } },
    { id: 'menu', type: 'ask_text', options: { prompt: 'Main menu, {{name}}: what next?', variable: 'next' } },
    { id: 'bye', type: 'send_text', options: { text: 'Noted: {{next}}. Goodbye!' } },
    { id: 'done', type: 'end', options: { outcome: 'served' } },
  ],
  edges: [
    { from: 'ask_name', port: 'next', to: 'ask_city' },
    { from: 'ask_city', port: 'next', to: 'thanks' },
    { from: 'thanks', port: 'next', to: 'menu' },
    { from: 'menu', port: 'next', to: 'bye' },
    { from: 'bye', port: 'next', to: 'done' },
  ],
  variables: [],
  settings: { humanKeywords: ['agent', 'human', 'person'] },
};

const product = useProduct(() => {
  const compiled = compileGraph(graph);
  if (!compiled.ok) throw new Error(`the inbox bot does not compile: ${JSON.stringify(compiled.problems)}`);
  return { definition: compiled.definition };
});

async function api<T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${product().apiUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${product().apiToken}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as T };
}

const texts = (customer: string) =>
  product()
    .replies(customer)
    .map((r) => r.text);

async function turn(customer: string, text: string, replies: number): Promise<string[]> {
  const before = texts(customer).length;
  await product().say(customer, text);
  const after = await eventually(
    () => texts(customer),
    (t) => t.length >= before + replies,
  );
  return after.slice(before);
}

interface Inbox {
  conversations: { id: string; state: string; reason: string; customer: { waId: string } }[];
}

describe('the agent inbox', () => {
  it('a customer asks for a person, an agent replies once, and releases the bot at a chosen node', async () => {
    const customer = '27820000601';
    expect(await turn(customer, 'hi', 1)).toEqual(['Your name?']);
    expect(await turn(customer, 'Thandi', 1)).toEqual(['Your city, Thandi?']);
    expect(await turn(customer, 'Can I talk to a human?', 1)).toEqual([
      'A person from our team will reply here shortly.',
    ]);

    const listed = await eventually(
      () => api<Inbox>('GET', '/api/inbox?state=waiting'),
      (r) => r.body.conversations.length === 1,
    );
    const [waiting] = listed.body.conversations;
    expect(waiting).toMatchObject({
      state: 'waiting',
      reason: 'asked for a person ("human")',
      customer: { waId: customer },
    });
    const id = waiting?.id ?? '';

    // The bot stays silent while a person has the conversation; the message is kept for them.
    const sentBefore = product().sent(customer).length;
    const unanswered = await product().say(customer, 'Hello? Anyone?');
    await eventually(
      () => product().db.message.findUnique({ where: { wamid: unanswered } }),
      (m) => m !== null,
    );

    // The agent's client retries its request (a timeout, say): the same idempotency key is sent once.
    const reply = () =>
      api(
        'POST',
        `/api/conversations/${id}/reply`,
        { text: 'Hi Thandi, Lee here. How can I help?', agent: 'Lee' },
        { 'idempotency-key': 'lee-1' },
      );
    const [first, retried] = await Promise.all([reply(), reply()]);
    expect(first.status).toBe(202);
    expect(retried.status).toBe(202);
    await eventually(
      () => product().sent(customer).length,
      (n) => n === sentBefore + 1,
    );
    expect((await reply()).status).toBe(202);
    const active = await eventually(
      () => api<Inbox>('GET', '/api/inbox?state=active'),
      (r) => r.body.conversations.length === 1,
    );
    expect(active.body.conversations[0]?.id).toBe(id);
    expect((await api<Inbox>('GET', '/api/inbox?state=waiting')).body.conversations).toEqual([]);

    const history = await api<{ messages: { author: string; text: string; status: string }[] }>(
      'GET',
      `/api/conversations/${id}/messages`,
    );
    expect(history.body.messages.map((m) => `${m.author}: ${m.text}`)).toEqual([
      'customer: hi',
      'bot: Your name?',
      'customer: Thandi',
      'bot: Your city, Thandi?',
      'customer: Can I talk to a human?',
      'bot: A person from our team will reply here shortly.',
      'customer: Hello? Anyone?',
      'agent: Hi Thandi, Lee here. How can I help?',
    ]);

    // Back to the bot at its menu: a node that is not in the pinned version is refused.
    expect((await api('POST', `/api/conversations/${id}/release`, { atNode: 'checkout' })).status).toBe(422);
    expect(await api('POST', `/api/conversations/${id}/release`, { atNode: 'menu', releasedBy: 'Lee' })).toEqual({
      status: 202,
      body: { released: true, atNode: 'menu' },
    });
    await eventually(
      () => texts(customer),
      (t) => t.at(-1) === 'Main menu, Thandi: what next?',
    );
    expect(await turn(customer, 'a late checkout', 1)).toEqual(['Noted: a late checkout. Goodbye!']);

    // Exactly once on the wire: the agent's reply was sent a single time although it was requested three times.
    expect(texts(customer).filter((t) => t.startsWith('Hi Thandi, Lee here'))).toHaveLength(1);
    const ended = await eventually(
      () => product().db.conversation.findUniqueOrThrow({ where: { id } }),
      (c) => c.status === 'completed',
    );
    expect(ended).toMatchObject({ outcome: 'served', handoffState: null });
    expect((await api<Inbox>('GET', '/api/inbox')).body.conversations).toEqual([]);

    const events = await product().db.$queryRaw<{ type: string }[]>`
      SELECT type FROM event_outbox WHERE type IN ('handoffStarted', 'agentReplied', 'handoffReleased') ORDER BY created_at`;
    expect(events.map((e) => e.type)).toEqual(['handoffStarted', 'agentReplied', 'handoffReleased']);
    await eventually(
      () => product().hourlyCount('handoffs'),
      (n) => n === 1,
    );
  });
});
