import { describe, expect, it } from 'vitest';
import { verifySignature, type WebhookEnvelope } from '@botflow/whatsapp';
import { post, until, useEmulatorWithReceiver } from './test-harness.ts';

const secret = 'test-app-secret';

const env = useEmulatorWithReceiver({ appSecret: secret });

const firstMessage = (envelope: unknown) => (envelope as WebhookEnvelope).entry[0]?.changes[0]?.value;

describe('simulated customer', () => {
  it('POSTs a Meta-shaped webhook signed with the app secret', async () => {
    const { json } = await post(`${env.emulator.url}/_emulator/customers/15551234567/messages`, {
      text: 'hi',
      name: 'Ada',
      userId: 'US.42',
    });
    expect(json).toMatchObject({ delivered: true, status: 200, wamid: expect.stringMatching(/^wamid\./) as string });
    const [webhook] = env.receiver.received;
    expect(verifySignature(webhook!.rawBody, webhook!.signature, secret)).toBe(true);
    expect(verifySignature(webhook!.rawBody, webhook!.signature, 'dev-app-secret')).toBe(false);
    expect(webhook!.userAgent).toBe('facebookexternalua');
    expect(firstMessage(webhook!.body)).toMatchObject({
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: '15550000001', phone_number_id: '100000000000001' },
      contacts: [{ profile: { name: 'Ada' }, wa_id: '15551234567', user_id: 'US.42' }],
      messages: [{ from: '15551234567', from_user_id: 'US.42', type: 'text', text: { body: 'hi' } }],
    });
  });

  it('can hide the phone number, as for a customer with a username', async () => {
    await post(`${env.emulator.url}/_emulator/customers/15551234567/messages`, {
      text: 'hi',
      userId: 'US.42',
      hidePhone: true,
    });
    const value = firstMessage(env.receiver.received[0]!.body);
    expect(value?.messages?.[0]).not.toHaveProperty('from');
    expect(value?.contacts?.[0]).toEqual({ profile: { name: 'Customer 4567' }, user_id: 'US.42' });
  });

  it('retries a webhook the receiver answered with 500, and shows the retry in state', async () => {
    env.receiver.replies.push(500);
    const { json } = await post(`${env.emulator.url}/_emulator/customers/15551234567/messages`, { text: 'again?' });
    expect(json).toMatchObject({ delivered: false, status: 500 });
    await env.receiver.waitFor(2);
    expect(env.receiver.received[1]!.rawBody.equals(env.receiver.received[0]!.rawBody)).toBe(true);
    await until(() => env.emulator.context.webhooks.deliveries[0]?.state === 'delivered', 1000, 'delivery');
    expect(env.emulator.context.webhooks.deliveries[0]?.attempts.map((a) => a.status)).toEqual([500, 200]);
    expect(env.emulator.state.stats.webhooks).toMatchObject({ delivered: 1, retried: 1, failed: 0 });
    expect(env.emulator.state.chats[0]?.entries[0]?.webhookDelivered).toBe(true);
  });

  it('gives up after the retry schedule and counts the failure', async () => {
    env.receiver.replies.push(503, 503, 503);
    await post(`${env.emulator.url}/_emulator/customers/15551234567/messages`, { text: 'anyone?' });
    await until(() => env.emulator.context.webhooks.deliveries[0]?.state === 'failed', 1000, 'failure');
    expect(env.receiver.received).toHaveLength(3);
    expect(env.emulator.state.stats.webhooks).toMatchObject({ delivered: 0, retried: 2, failed: 1 });
  });

  it('quotes the interactive message a button reply answers', async () => {
    await post(`${env.emulator.url}/_emulator/customers/15551234567/messages`, { text: 'menu' });
    const sent = await post<{ messages: { id: string }[] }>(
      `${env.emulator.url}/v23.0/100000000000001/messages`,
      {
        messaging_product: 'whatsapp',
        to: '15551234567',
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: 'Pick' },
          action: { buttons: [{ type: 'reply', reply: { id: 'yes', title: 'Yes' } }] },
        },
      },
      { authorization: 'Bearer dev-access-token' },
    );
    await post(`${env.emulator.url}/_emulator/customers/15551234567/messages`, {
      buttonReply: { id: 'yes', title: 'Yes' },
    });
    const reply = env.receiver.received
      .map((r) => firstMessage(r.body)?.messages?.[0])
      .find((m) => m?.type === 'interactive');
    expect(reply).toMatchObject({
      context: { from: '15550000001', id: sent.json.messages[0]!.id },
      interactive: { button_reply: { id: 'yes' } },
    });
  });
});

describe('raw webhooks and verification', () => {
  it('delivers an arbitrary body with a given signature, once', async () => {
    env.receiver.replies.push(401);
    const { json } = await post(`${env.emulator.url}/_emulator/webhooks/raw`, {
      body: { object: 'page' },
      signature: 'sha256=00',
    });
    expect(json).toMatchObject({ delivered: false, status: 401 });
    expect(env.receiver.received[0]).toMatchObject({ body: { object: 'page' }, signature: 'sha256=00' });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(env.receiver.received.filter((r) => (r.body as { object: string }).object === 'page')).toHaveLength(1);
  });

  it('runs the GET verification handshake against the webhook URL', async () => {
    expect((await post(`${env.emulator.url}/_emulator/webhooks/verify`, {})).json).toMatchObject({
      verified: true,
      status: 200,
    });
    expect((await post(`${env.emulator.url}/_emulator/webhooks/verify`, { verifyToken: 'wrong' })).json).toMatchObject({
      verified: false,
      status: 403,
    });
  });
});
