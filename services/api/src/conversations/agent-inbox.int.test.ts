import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentReply, HandoffRelease } from '@botflow/contracts';
import { useMigratedDatabase } from '@botflow/db/vitest';
import { conversationIn, organisationWithBot, startConversationsApi, type ConversationsApi } from './test-support.ts';

const db = useMigratedDatabase();
let api: ConversationsApi;
let setup: Awaited<ReturnType<typeof organisationWithBot>>;
let other: Awaited<ReturnType<typeof organisationWithBot>>;

beforeAll(async () => {
  api = await startConversationsApi(db.prisma);
  setup = await organisationWithBot(db.prisma);
  other = await organisationWithBot(db.prisma);
});
afterAll(() => api?.close());

const call = <T = Record<string, unknown>>(method: string, path: string, body?: unknown, token = setup.token) =>
  api.call<T>(method, path, { token, ...(body === undefined ? {} : { body }) });

interface InboxItem {
  id: string;
  state: string;
  reason: string;
  lastMessage: { text: string; direction: string } | null;
  customer: { waId: string; name: string };
  bot: { name: string; version: number };
}

describe('GET /api/inbox', () => {
  it("lists the organisation's handed-over conversations, longest waiting first, by state", async () => {
    const t = Date.now();
    const waiting = await conversationIn(db.prisma, setup, { handoff: { state: 'waiting', at: new Date(t - 60_000) } });
    const older = await conversationIn(db.prisma, setup, { handoff: { state: 'waiting', at: new Date(t - 120_000) } });
    const active = await conversationIn(db.prisma, setup, { handoff: { state: 'active', at: new Date(t - 30_000) } });
    await conversationIn(db.prisma, setup);
    await conversationIn(db.prisma, setup, { status: 'completed', handoff: { state: 'waiting', at: new Date(t) } });
    await conversationIn(db.prisma, other, { handoff: { state: 'waiting', at: new Date(t) } });
    await db.prisma.message.create({
      data: {
        conversationId: waiting.id,
        direction: 'in',
        wamid: `wamid.${waiting.id}`,
        type: 'text',
        payload: { text: 'agent please' },
      },
    });

    const all = await call<{ conversations: InboxItem[] }>('GET', '/api/inbox');
    expect(all.status).toBe(200);
    expect(all.body.conversations.map((c) => c.id)).toEqual([older.id, waiting.id, active.id]);
    expect(all.body.conversations[1]).toMatchObject({
      state: 'waiting',
      reason: 'asked for a person ("agent")',
      customer: { name: 'Thandi' },
      bot: { name: 'Front desk', version: 1 },
      lastMessage: { direction: 'in', text: 'agent please' },
    });

    const onlyWaiting = await call<{ conversations: InboxItem[] }>('GET', '/api/inbox?state=waiting');
    expect(onlyWaiting.body.conversations.map((c) => c.id)).toEqual([older.id, waiting.id]);
    const onlyActive = await call<{ conversations: InboxItem[] }>('GET', '/api/inbox?state=active&limit=1');
    expect(onlyActive.body.conversations.map((c) => c.id)).toEqual([active.id]);
  });

  it('says what is wrong with the query, and needs a token', async () => {
    expect(await call('GET', '/api/inbox?state=open')).toEqual({
      status: 400,
      body: { error: 'state is waiting (no reply yet) or active (a person replied)' },
    });
    expect((await call('GET', '/api/inbox?limit=0')).body).toEqual({ error: 'limit is at least 1' });
    expect((await api.call('GET', '/api/inbox')).status).toBe(401);
  });
});

describe('GET /api/conversations/:id/messages', () => {
  it('gives the history oldest first, in and out, with who wrote each and its status', async () => {
    const c = await conversationIn(db.prisma, setup, { handoff: { state: 'active', at: new Date() } });
    const t = Date.now() - 10_000;
    const at = (s: number) => new Date(t + s * 1000);
    await db.prisma.message.createMany({
      data: [
        {
          conversationId: c.id,
          direction: 'out',
          idempotencyKey: `${c.id}:1:1`,
          type: 'text',
          payload: { kind: 'text', text: 'second' },
          createdAt: at(1),
        },
        {
          conversationId: c.id,
          direction: 'in',
          wamid: `wamid.a${c.id}`,
          type: 'text',
          payload: { text: 'hi' },
          createdAt: at(0),
        },
        {
          conversationId: c.id,
          direction: 'out',
          idempotencyKey: `${c.id}:1:0`,
          wamid: `wamid.b${c.id}`,
          type: 'buttons',
          payload: { kind: 'buttons', body: 'first' },
          status: 'read',
          createdAt: at(1),
        },
        {
          conversationId: c.id,
          direction: 'out',
          idempotencyKey: `${c.id}:agent:r1`,
          type: 'text',
          payload: { kind: 'text', text: 'Lee here' },
          agent: 'Lee',
          acceptedAt: at(3),
          wamid: `wamid.c${c.id}`,
          createdAt: at(2),
        },
      ],
    });
    const res = await call<{ messages: Record<string, unknown>[]; more: boolean }>(
      'GET',
      `/api/conversations/${c.id}/messages`,
    );
    expect(res.status).toBe(200);
    expect(res.body.more).toBe(false);
    expect(res.body.messages.map((m) => [m['author'], m['text'], m['status']])).toEqual([
      ['customer', 'hi', 'received'],
      ['bot', 'first', 'read'],
      ['bot', 'second', 'queued'],
      ['agent', 'Lee here', 'accepted'],
    ]);
    expect(res.body.messages[3]).toMatchObject({ agent: 'Lee', direction: 'out', type: 'text' });

    const latest = await call<{ messages: { text: string }[]; more: boolean }>(
      'GET',
      `/api/conversations/${c.id}/messages?limit=2`,
    );
    expect(latest.body).toMatchObject({ more: true, messages: [{ text: 'second' }, { text: 'Lee here' }] });
  });

  it("is a 404 for another organisation's conversation", async () => {
    const c = await conversationIn(db.prisma, other);
    expect((await call('GET', `/api/conversations/${c.id}/messages`)).status).toBe(404);
  });
});

describe('POST /api/conversations/:id/reply', () => {
  it('signals the reply under the client’s idempotency id, the same id however often it is retried', async () => {
    const workflowId = await api.startWorkflow();
    const c = await conversationIn(db.prisma, setup, { workflowId, handoff: { state: 'waiting', at: new Date() } });
    const body = { text: 'Hi Thandi, Lee here.', agent: 'Lee', replyId: 'reply-1' };
    const first = await call('POST', `/api/conversations/${c.id}/reply`, body);
    expect(first).toEqual({
      status: 202,
      body: { reply: { id: 'reply-1', conversationId: c.id, status: 'accepted' } },
    });
    await call('POST', `/api/conversations/${c.id}/reply`, body);
    const byHeader = await api.call<{ reply: { id: string } }>('POST', `/api/conversations/${c.id}/reply`, {
      token: setup.token,
      headers: { 'idempotency-key': 'reply-2' },
      body: { text: 'Anything else?' },
    });
    expect(byHeader.body.reply.id).toBe('reply-2');
    const generated = await call<{ reply: { id: string } }>('POST', `/api/conversations/${c.id}/reply`, {
      text: 'one more',
    });
    expect(generated.body.reply.id).toMatch(/^[0-9a-f-]{36}$/);

    expect(await api.signalsTo<AgentReply>(workflowId, 'agentReply')).toEqual([
      { id: 'reply-1', text: 'Hi Thandi, Lee here.', agent: 'Lee', conversationId: c.id },
      { id: 'reply-1', text: 'Hi Thandi, Lee here.', agent: 'Lee', conversationId: c.id },
      { id: 'reply-2', text: 'Anything else?', agent: 'agent', conversationId: c.id },
      { id: generated.body.reply.id, text: 'one more', agent: 'agent', conversationId: c.id },
    ]);
  });

  it('says what to fix in the body', async () => {
    const c = await conversationIn(db.prisma, setup, { handoff: { state: 'waiting', at: new Date() } });
    const reply = (body: unknown, headers: Record<string, string> = {}) =>
      api.call<{ error: string }>('POST', `/api/conversations/${c.id}/reply`, { token: setup.token, body, headers });
    expect((await reply({ text: '  ' })).body.error).toBe(
      'the request body is not right: text: write the reply: the text is empty',
    );
    expect((await reply({ text: 'x'.repeat(4097) })).body.error).toBe(
      'the request body is not right: text: a WhatsApp text holds at most 4096 characters',
    );
    expect((await reply({ text: 'hi', replyId: 'no spaces please' })).status).toBe(400);
    expect((await reply({ text: 'hi', replyId: 'a' }, { 'idempotency-key': 'b' })).body.error).toBe(
      'replyId and the Idempotency-Key header differ: send one of them, or the same value',
    );
  });

  it('refuses a conversation the bot has, one that ended, and one outside the 24-hour window', async () => {
    const withBot = await conversationIn(db.prisma, setup);
    expect(await call('POST', `/api/conversations/${withBot.id}/reply`, { text: 'hi' })).toEqual({
      status: 409,
      body: {
        error:
          'the bot has this conversation: a person replies only to a handed-over conversation (see GET /api/inbox)',
      },
    });
    const ended = await conversationIn(db.prisma, setup, {
      status: 'completed',
      handoff: { state: 'waiting', at: new Date() },
    });
    expect((await call('POST', `/api/conversations/${ended.id}/reply`, { text: 'hi' })).status).toBe(409);
    const gone = await conversationIn(db.prisma, setup, { handoff: { state: 'waiting', at: new Date() } });
    expect((await call('POST', `/api/conversations/${gone.id}/reply`, { text: 'hi' })).body).toEqual({
      error: `conversation ${gone.id} has ended: the customer's next message opens a new one`,
    });
    const silent = await conversationIn(db.prisma, setup, {
      handoff: { state: 'waiting', at: new Date() },
      lastInboundAt: new Date(Date.now() - 25 * 3600 * 1000),
    });
    const late = await call<{ error: string }>('POST', `/api/conversations/${silent.id}/reply`, { text: 'hi' });
    expect(late.status).toBe(422);
    expect(late.body.error).toMatch(/more than 24 hours ago/);
    const elsewhere = await conversationIn(db.prisma, other, { handoff: { state: 'waiting', at: new Date() } });
    expect((await call('POST', `/api/conversations/${elsewhere.id}/reply`, { text: 'hi' })).status).toBe(404);
  });
});

describe('POST /api/conversations/:id/release', () => {
  it('hands back where the bot stopped, or at a node of the pinned version', async () => {
    const workflowId = await api.startWorkflow();
    const c = await conversationIn(db.prisma, setup, { workflowId, handoff: { state: 'active', at: new Date() } });
    expect(await call('POST', `/api/conversations/${c.id}/release`)).toEqual({
      status: 202,
      body: { released: true },
    });
    expect(await call('POST', `/api/conversations/${c.id}/release`, { atNode: 'menu', releasedBy: 'Lee' })).toEqual({
      status: 202,
      body: { released: true, atNode: 'menu' },
    });
    expect(await api.signalsTo<HandoffRelease>(workflowId, 'releaseHandoff')).toEqual([
      { conversationId: c.id },
      { conversationId: c.id, atNode: 'menu', releasedBy: 'Lee' },
    ]);
  });

  it('is a 422 for a node the version does not have, and a 409 when nobody took over', async () => {
    const c = await conversationIn(db.prisma, setup, { handoff: { state: 'waiting', at: new Date() } });
    expect(await call('POST', `/api/conversations/${c.id}/release`, { atNode: 'checkout' })).toEqual({
      status: 422,
      body: {
        error:
          'version 1 of this bot, which this conversation runs, has no node "checkout": choose one of ask_name, menu',
      },
    });
    const withBot = await conversationIn(db.prisma, setup);
    expect((await call('POST', `/api/conversations/${withBot.id}/release`)).status).toBe(409);
  });
});
