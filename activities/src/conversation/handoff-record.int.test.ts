import { randomUUID } from 'node:crypto';
import { fromBinary } from '@bufbuild/protobuf';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConversationRef } from '@botflow/contracts';
import { useMigratedDatabase } from '@botflow/db/vitest';
import { EventSchema } from '@botflow/proto';
import type { SendRequest } from '@botflow/whatsapp';
import { deliverTurn, type TurnInput } from './deliver-turn.ts';
import type { OutboundSender } from './send-outbound.ts';

const db = useMigratedDatabase();
const sent: SendRequest[] = [];
const sender: OutboundSender = {
  async send(_phoneNumberId, body) {
    sent.push(body);
    return { wamid: `wamid.out${sent.length}` };
  },
  reconcileGraceMs: 0,
};
let c: ConversationRef;

beforeAll(async () => {
  const org = await db.prisma.organisation.create({ data: { name: 'Inbox', slug: `inbox-${randomUUID()}` } });
  const channel = await db.prisma.whatsappChannel.create({
    data: {
      organisationId: org.id,
      phoneNumberId: randomUUID(),
      wabaId: 'waba',
      displayPhoneNumber: '+15550000000',
      accessTokenCiphertext: new Uint8Array([1]),
      appSecretCiphertext: new Uint8Array([1]),
      verifyTokenCiphertext: new Uint8Array([1]),
    },
  });
  const contact = await db.prisma.contact.create({
    data: { organisationId: org.id, waId: '27820000001', lastInboundAt: new Date() },
  });
  const conversation = await db.prisma.conversation.create({
    data: { workflowId: 'conv:x:27820000001', runId: randomUUID(), channelId: channel.id, contactId: contact.id },
  });
  c = {
    id: conversation.id,
    workflowId: conversation.workflowId,
    phoneNumberId: channel.phoneNumberId,
    channelId: channel.id,
    contactId: contact.id,
    recipient: '27820000001',
    organizationId: org.id,
    botId: 'bot_x',
    botVersion: 1,
    botVersionId: 'v_x',
  };
});

const turn = (n: number, extra: Partial<TurnInput>): TurnInput => ({
  conversation: c,
  turnKey: `${c.id}:${n}`,
  isFirstTurn: false,
  inbound: [],
  outbound: [],
  ended: null,
  ...extra,
});

const inbox = () =>
  db.prisma.conversation.findUniqueOrThrow({
    where: { id: c.id },
    select: { handoffState: true, handoffReason: true, handedOverAt: true, agentRepliedAt: true },
  });

async function events(): Promise<string[]> {
  const rows = await db.prisma.$queryRaw<
    { payload: Uint8Array }[]
  >`SELECT payload FROM event_outbox ORDER BY created_at, id`;
  return rows.map((r) => fromBinary(EventSchema, r.payload).payload.case ?? 'unknown');
}

describe('deliverTurn keeps the agent inbox and its events in step', () => {
  it('records a hand-over, sends an agent reply once however often it comes, and records the release', async () => {
    await deliverTurn(
      db.prisma,
      sender,
      turn(1, { handoff: [{ kind: 'started', node: 'ask_city', reason: 'asked for a person', trigger: 'keyword' }] }),
    );
    expect(await inbox()).toMatchObject({ handoffState: 'waiting', handoffReason: 'asked for a person' });

    const reply = {
      content: { kind: 'text' as const, text: 'Lee here' },
      agentReply: { id: 'reply-1', agent: 'Lee' },
    };
    const first = await deliverTurn(db.prisma, sender, turn(2, { outbound: [reply] }));
    const again = await deliverTurn(db.prisma, sender, turn(3, { outbound: [reply] }));
    expect(first.sent).toEqual([{ key: `${c.id}:agent:reply-1`, outcome: 'sent' }]);
    expect(again.sent).toEqual([{ key: `${c.id}:agent:reply-1`, outcome: 'already_sent' }]);
    expect(sent.map((s) => s.biz_opaque_callback_data)).toEqual([`${c.id}:agent:reply-1`]);
    const message = await db.prisma.message.findUniqueOrThrow({ where: { idempotencyKey: `${c.id}:agent:reply-1` } });
    expect(message).toMatchObject({ agent: 'Lee', wamid: 'wamid.out1', direction: 'out' });
    expect((await inbox()).handoffState).toBe('active');
    expect((await inbox()).agentRepliedAt).not.toBeNull();

    await deliverTurn(
      db.prisma,
      sender,
      turn(4, { handoff: [{ kind: 'released', atNode: 'menu', releasedBy: 'Lee' }] }),
    );
    expect((await inbox()).handoffState).toBeNull();
    expect(await events()).toEqual(['handoffStarted', 'agentReplied', 'messageSent', 'handoffReleased']);
  });

  it('clears the hand-over when the conversation ends during it, and records a turn again without doubling', async () => {
    const started = turn(5, {
      handoff: [{ kind: 'started', node: 'human', reason: 'complaint', trigger: 'node' }],
    });
    await deliverTurn(db.prisma, sender, started);
    await deliverTurn(db.prisma, sender, started);
    expect((await events()).filter((e) => e === 'handoffStarted')).toHaveLength(2);
    await deliverTurn(db.prisma, sender, turn(6, { ended: { outcome: 'abandoned' } }));
    expect(await inbox()).toMatchObject({ handoffState: null, handoffReason: 'complaint' });
  });
});
