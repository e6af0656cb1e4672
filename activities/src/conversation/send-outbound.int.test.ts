import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundSignal } from '@botflow/contracts';
import type { OutboundContent } from '@botflow/graph';
import { GraphClient } from '@botflow/whatsapp';
import {
  startEmulatorProcess,
  startSendFixture,
  type EmulatorProcess,
  type SendFixture,
} from '../rate-limit/send-fixture.ts';
import { deliverTurn, type TurnInput } from './deliver-turn.ts';
import { createOutboundSender } from './outbound-sender.ts';
import type { OutboundSender } from './send-outbound.ts';

let fixture: SendFixture;
let emulator: EmulatorProcess;
let sender: OutboundSender;

beforeAll(async () => {
  // Every customer last wrote 25 hours ago: the window is closed unless a turn brings a new message.
  fixture = await startSendFixture({ customers: 10, lastInboundAgoMs: 25 * 3600_000 });
  emulator = await startEmulatorProcess(fixture);
  sender = createOutboundSender({
    db: fixture.db,
    graph: new GraphClient({ baseUrl: emulator.url, version: 'v23.0' }),
    secrets: fixture.secrets,
    reconcileGraceMs: 500,
  });
});

afterAll(async () => {
  await emulator?.stop();
  await fixture?.close();
});

const fallback = { name: 'hello_world', language: 'en_US', bodyParameters: [] };
const text = (body: string, withFallback = false): OutboundContent => ({
  kind: 'text',
  text: body,
  ...(withFallback ? { fallback } : {}),
});

function turnOf(i: number, content: OutboundContent, options: { wrote?: boolean } = {}): TurnInput {
  const conversation = fixture.conversations[i]!;
  const now = Date.now();
  const inbound: InboundSignal[] = options.wrote
    ? [
        {
          id: `wamid.in${i}`,
          type: 'text',
          text: 'hi',
          sentAt: now,
          receivedAt: now,
          customer: { waId: conversation.recipient },
        },
      ]
    : [];
  return {
    conversation,
    turnKey: `${conversation.id}:1`,
    isFirstTurn: true,
    inbound,
    outbound: [{ content }],
    ended: null,
  };
}

async function sentTo(i: number): Promise<{ type: string; message: Record<string, unknown> }[]> {
  const recipient = fixture.conversations[i]!.recipient;
  const chat = await emulator
    .control<{ entries: { direction: string; type: string; message: Record<string, unknown> }[] }>(
      `/_emulator/chats/${recipient}`,
    )
    .catch(() => ({ entries: [] }));
  return chat.entries.filter((e) => e.direction === 'outbound');
}

async function messageRow(i: number) {
  const [row] = await fixture.db.$queryRaw<
    {
      type: string;
      status: string | null;
      wamid: string | null;
      payload: Record<string, unknown>;
      error: Record<string, unknown> | null;
    }[]
  >`SELECT type, status::text AS status, wamid, payload, error FROM messages WHERE idempotency_key = ${`${fixture.conversations[i]!.id}:1:0`}`;
  return row;
}

describe('the 24-hour window', () => {
  it('sends the template fallback instead of free-form content once the window has closed', async () => {
    const turn = turnOf(0, text('are you still there?', true));
    expect(await deliverTurn(fixture.db, sender, turn)).toEqual({
      sent: [{ key: `${turn.conversation.id}:1:0`, outcome: 'sent_fallback' }],
    });
    expect(await sentTo(0)).toMatchObject([{ type: 'template', message: { template: { name: 'hello_world' } } }]);
    expect(await messageRow(0)).toMatchObject({
      type: 'template',
      payload: { kind: 'template', name: 'hello_world', fallbackFor: { kind: 'text', text: 'are you still there?' } },
    });
    // Run again, as after a crash: nothing more goes out.
    expect((await deliverTurn(fixture.db, sender, turn)).sent[0]?.outcome).toBe('already_sent');
    expect(await sentTo(0)).toHaveLength(1);
  });

  it('sends nothing without a fallback, marks the message failed and tells the workflow', async () => {
    const turn = turnOf(1, text('are you still there?'));
    const result = await deliverTurn(fixture.db, sender, turn);
    expect(result.sent[0]?.outcome).toBe('outside_window');
    expect(result.outsideWindow).toBe(true);
    expect(await sentTo(1)).toEqual([]);
    expect(await messageRow(1)).toMatchObject({
      status: 'failed',
      error: { kind: 'window_closed', reason: expect.stringContaining('24 hours') as string },
    });
    expect(await deliverTurn(fixture.db, sender, turn)).toMatchObject({ outsideWindow: true });
  });

  it('always sends a template, and anything once the customer writes again', async () => {
    const template = await deliverTurn(fixture.db, sender, turnOf(2, { kind: 'template', ...fallback }));
    expect(template.sent[0]?.outcome).toBe('sent');
    const reply = await deliverTurn(fixture.db, sender, turnOf(3, text('welcome back'), { wrote: true }));
    expect(reply).toEqual({ sent: [expect.objectContaining({ outcome: 'sent' })] });
    expect(await sentTo(3)).toMatchObject([{ type: 'text' }]);
    const [contact] = await fixture.db.$queryRaw<{ last_inbound_at: Date }[]>`
      SELECT last_inbound_at FROM contacts WHERE id = ${fixture.conversations[3]!.contactId}`;
    expect(Date.now() - contact!.last_inbound_at.getTime()).toBeLessThan(60_000);
  });

  it('falls back when Meta answers 131047 although the customer seemed to be in the window', async () => {
    const meta131047 = { next: [{ status: 400, code: 131047 }] };
    await emulator.control('/_emulator/faults', meta131047);
    const withFallback = await deliverTurn(fixture.db, sender, turnOf(4, text('hi', true), { wrote: true }));
    expect(withFallback.sent[0]?.outcome).toBe('sent_fallback');
    expect(await sentTo(4)).toMatchObject([{ type: 'template' }]);
    await emulator.control('/_emulator/faults', meta131047);
    const without = await deliverTurn(fixture.db, sender, turnOf(5, text('hi'), { wrote: true }));
    expect(without).toMatchObject({ sent: [{ outcome: 'outside_window' }], outsideWindow: true });
    expect(await messageRow(5)).toMatchObject({ status: 'failed', error: { kind: 'window_closed', code: 131047 } });
  });
});

describe("Meta's refusals", () => {
  it('retries a rate-limit answer later, and sends once', async () => {
    await emulator.control('/_emulator/faults', { next: [{ status: 400, code: 130429 }] });
    const turn = turnOf(6, text('hello'), { wrote: true });
    const refused = await deliverTurn(fixture.db, sender, turn).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(ApplicationFailure);
    expect(refused).toMatchObject({ type: 'GraphApiTransient', nextRetryDelay: 1000 });
    expect((await deliverTurn(fixture.db, sender, turn)).sent[0]?.outcome).toBe('sent');
    expect(await sentTo(6)).toHaveLength(1);
  });

  it('records a refused message with a reason the owner can act on', async () => {
    const details = "Parameter 'text.body' is not valid";
    await emulator.control('/_emulator/faults', { next: [{ status: 400, code: 131009, details }] });
    const result = await deliverTurn(fixture.db, sender, turnOf(7, text('hello'), { wrote: true }));
    expect(result.sent[0]?.outcome).toBe('failed');
    expect(await messageRow(7)).toMatchObject({
      status: 'failed',
      error: {
        kind: 'permanent',
        code: 131009,
        details,
        reason: expect.stringContaining('WhatsApp refused the message (code 131009)') as string,
      },
    });
  });
});

describe('recording a turn', () => {
  async function recorded(i: number) {
    const c = fixture.conversations[i]!;
    const messages = await fixture.db.$queryRaw<{ direction: string; wamid: string | null }[]>`
      SELECT direction::text AS direction, wamid FROM messages WHERE conversation_id = ${c.id} ORDER BY 1`;
    const events = await fixture.db.$queryRaw<{ type: string }[]>`
      SELECT type FROM event_outbox WHERE key = ${c.workflowId} ORDER BY 1`;
    return { messages, events: events.map((e) => e.type) };
  }

  it('writes the messages, events and reply of a turn run again after a crash once', async () => {
    const turn = turnOf(8, text('hello'), { wrote: true });
    expect((await deliverTurn(fixture.db, sender, turn)).sent[0]?.outcome).toBe('sent');
    expect((await deliverTurn(fixture.db, sender, turn)).sent[0]?.outcome).toBe('already_sent');
    expect(await recorded(8)).toMatchObject({
      messages: [
        { direction: 'in', wamid: 'wamid.in8' },
        { direction: 'out', wamid: expect.any(String) as string },
      ],
      events: ['conversationStarted', 'messageReceived', 'messageSent'],
    });
    expect(await sentTo(8)).toHaveLength(1);
  });

  it('records a message the bot does not answer', async () => {
    const turn = { ...turnOf(9, text('unused'), { wrote: true }), outbound: [] };
    expect(await deliverTurn(fixture.db, sender, turn)).toEqual({ sent: [] });
    expect(await recorded(9)).toEqual({
      messages: [{ direction: 'in', wamid: 'wamid.in9' }],
      events: ['conversationStarted', 'messageReceived'],
    });
  });
});
