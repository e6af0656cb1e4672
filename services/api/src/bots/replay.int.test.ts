import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useMigratedDatabase } from '@botflow/db/vitest';
import type { OutboundContent } from '@botflow/graph';
import { greetingGraph, organisationWithToken, startBotsApi, type TestBotsApi } from './test-support.ts';

const db = useMigratedDatabase();
let api: TestBotsApi;
let org: { id: string; token: string };
let botId: string;
const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const text = (t: string): OutboundContent => ({ kind: 'text', text: t });

beforeAll(async () => {
  org = await organisationWithToken(db.prisma);
  api = await startBotsApi(db.prisma, org.token);
  const created = await api.call<{ bot: { id: string } }>('POST', '/api/bots', {
    body: { name: 'Greeter', graph: greetingGraph() },
  });
  botId = created.body.bot.id;
});
afterAll(() => api.close());

let contacts = 0;

interface Turn {
  in: string;
  at: number;
  out: OutboundContent[];
}

/** Records a conversation the way deliverTurn does: customer messages, then the replies that answer them. */
async function recordConversation(organisationId: string, turns: Turn[], unprompted: OutboundContent[] = []) {
  const channel = await db.prisma.whatsappChannel.create({
    data: {
      organisationId,
      phoneNumberId: randomUUID(),
      wabaId: 'waba',
      displayPhoneNumber: '+15550000000',
      accessTokenCiphertext: new Uint8Array([1]),
      appSecretCiphertext: new Uint8Array([1]),
      verifyTokenCiphertext: new Uint8Array([1]),
    },
  });
  const waId = String(27820000000 + ++contacts);
  const contact = await db.prisma.contact.create({ data: { organisationId, waId, phone: waId, name: 'Ann Lee' } });
  const conversation = await db.prisma.conversation.create({
    data: { workflowId: 'conv:x', runId: randomUUID(), channelId: channel.id, contactId: contact.id, botId },
  });
  for (const [n, turn] of turns.entries()) {
    const wamid = `wamid.${randomUUID()}`;
    await db.prisma.message.create({
      data: {
        conversationId: conversation.id,
        direction: 'in',
        wamid,
        type: 'text',
        payload: { text: turn.in, optionId: null },
        createdAt: new Date(T0 + turn.at * 1000),
      },
    });
    // Replies of one turn share their timestamp: only their keys order them (written here in reverse on purpose).
    const sentAt = new Date(T0 + turn.at * 1000 + 500);
    for (const [i, content] of [...turn.out.entries()].reverse()) {
      await db.prisma.message.create({
        data: {
          conversationId: conversation.id,
          direction: 'out',
          idempotencyKey: `${conversation.id}:${n + 1}:${i}`,
          replyToWamid: wamid,
          type: content.kind,
          payload: content as never,
          createdAt: sentAt,
        },
      });
    }
  }
  for (const [i, content] of unprompted.entries()) {
    await db.prisma.message.create({
      data: {
        conversationId: conversation.id,
        direction: 'out',
        idempotencyKey: `${conversation.id}:99:${i}`,
        type: 'text',
        payload: content as never,
      },
    });
  }
  return conversation.id;
}

interface ReplayBody {
  replayed: string;
  messages: { inbound: { text: string }; recorded: OutboundContent[]; replayed: OutboundContent[]; same: boolean }[];
  effects: unknown[];
  summary: { messages: number; same: number; firstDifference: number | null; ended: { outcome: string } | null };
  recordedUnprompted: OutboundContent[];
}

const replay = (body: unknown) => api.call<ReplayBody>('POST', `/api/bots/${botId}/replay`, { body });

describe('replaying a recorded conversation', () => {
  const annSaysHi: Turn[] = [
    { in: 'hi', at: 0, out: [text('Your name?')] },
    { in: 'Ann', at: 30, out: [text('Hello Ann!')] },
  ];

  it('against the draft that answered it: every answer the same', async () => {
    const conversationId = await recordConversation(org.id, annSaysHi, [text('Are you still there?')]);
    const res = await replay({ conversationId });
    expect(res.status).toBe(200);
    expect(res.body.replayed).toBe('draft');
    expect(res.body.messages.map((m) => [m.inbound.text, m.same])).toEqual([
      ['hi', true],
      ['Ann', true],
    ]);
    expect(res.body.summary).toMatchObject({
      messages: 2,
      same: 2,
      firstDifference: null,
      ended: { outcome: 'completed' },
    });
    expect(res.body.recordedUnprompted).toEqual([text('Are you still there?')]);
  });

  it('against another graph: shows where it answers differently, in recorded order', async () => {
    const conversationId = await recordConversation(org.id, [
      { in: 'hi', at: 0, out: [text('Your name?')] },
      { in: 'Ann', at: 30, out: [text('Hello Ann!'), text('How can I help?')] },
    ]);
    const res = await replay({ conversationId, graph: greetingGraph('Hi {{contact.name}}, you are {{name}}') });
    expect(res.body.replayed).toBe('graph');
    expect(res.body.summary.firstDifference).toBe(1);
    expect(res.body.messages[1]).toMatchObject({
      same: false,
      recorded: [text('Hello Ann!'), text('How can I help?')],
      replayed: [text('Hi Ann Lee, you are Ann')],
    });
  });

  it("says what to fix in a graph that does not compile, and never finds another organisation's conversation", async () => {
    const conversationId = await recordConversation(org.id, annSaysHi);
    const broken = await api.call<{ error: string; problems: unknown[] }>('POST', `/api/bots/${botId}/replay`, {
      body: { conversationId, graph: { ...greetingGraph(), entry: 'nowhere' } },
    });
    expect(broken.status).toBe(422);
    expect(broken.body.error).toMatch(/^the graph sent has 1 problem/);

    const other = await organisationWithToken(db.prisma);
    const theirs = await recordConversation(other.id, annSaysHi);
    const res = await api.call<{ error: string }>('POST', `/api/bots/${botId}/replay`, {
      body: { conversationId: theirs },
    });
    expect(res).toEqual({ status: 404, body: { error: `there is no conversation "${theirs}" in this organisation` } });
  });
});
