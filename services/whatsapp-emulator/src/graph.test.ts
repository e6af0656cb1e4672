import { describe, expect, it } from 'vitest';
import type { GraphErrorBody, MessageStatus, SendSuccessResponse, WebhookEnvelope } from '@botflow/whatsapp';
import { post, until, useEmulatorWithReceiver } from './test-harness.ts';

const env = useEmulatorWithReceiver();
const auth = { authorization: 'Bearer dev-access-token' };
const customer = '15551234567';
const text = (body: string, extra: Record<string, unknown> = {}) => ({
  messaging_product: 'whatsapp',
  to: customer,
  type: 'text',
  text: { body },
  ...extra,
});
const send = <T = SendSuccessResponse>(body: unknown, headers: Record<string, string> = auth) =>
  post<T>(`${env.emulator.url}/v23.0/100000000000001/messages`, body, headers);
/** Status reports received so far, for the given message ids only (late reports of earlier tests are ignored). */
const statuses = (...ids: string[]) =>
  env.receiver.received
    .flatMap((r) => (r.body as WebhookEnvelope).entry.flatMap((e) => e.changes.flatMap((c) => c.value.statuses ?? [])))
    .filter((s) => ids.includes(s.id));

const openWindow = () => post(`${env.emulator.url}/_emulator/customers/${customer}/messages`, { text: 'hello' });

describe('POST /:version/:phoneNumberId/messages', () => {
  it('answers a missing or wrong token with 401 and OAuthException code 190', async () => {
    for (const headers of [{}, { authorization: 'Bearer nope' }] as Record<string, string>[]) {
      const { status, json } = await send<GraphErrorBody>(text('hi'), headers);
      expect(status).toBe(401);
      expect(json.error).toMatchObject({ type: 'OAuthException', code: 190, fbtrace_id: expect.any(String) as string });
    }
  });

  it('answers an unknown phone number id with Meta’s 400 code 100', async () => {
    const { status, json } = await post<GraphErrorBody>(`${env.emulator.url}/v23.0/999/messages`, text('hi'), auth);
    expect(status).toBe(400);
    expect(json.error).toMatchObject({
      code: 100,
      error_subcode: 33,
      message: expect.stringContaining("Object with ID '999' does not exist") as string,
    });
  });

  it('returns validation errors as Meta error JSON', async () => {
    const { status, json } = await send<GraphErrorBody>({ ...text('x'), text: { body: 'x'.repeat(4097) } });
    expect(status).toBe(400);
    expect(json).toEqual({
      error: {
        message: '(#131009) Parameter value is not valid',
        type: 'OAuthException',
        code: 131009,
        error_data: {
          messaging_product: 'whatsapp',
          details: "Parameter 'text.body' must have at most 4096 characters",
        },
        fbtrace_id: expect.any(String) as string,
      },
    });
    expect((await send<GraphErrorBody>('{"messaging_product":')).json.error.code).toBe(100);
    expect(env.emulator.state.stats.rejected.validation).toBe(1);
  });

  it('accepts a send, records it, and reports sent → delivered → read with the callback data', async () => {
    await openWindow();
    const { status, json } = await send(
      text('hi there', { biz_opaque_callback_data: 'node-7', context: { message_id: 'wamid.Q' } }),
    );
    expect(status).toBe(200);
    expect(json).toEqual({
      messaging_product: 'whatsapp',
      contacts: [{ input: customer, wa_id: customer }],
      messages: [{ id: expect.stringMatching(/^wamid\./) as string }],
    });
    const id = json.messages[0]!.id;
    await until(() => statuses(id).length === 3, 2000, 'three statuses');
    const reports: MessageStatus[] = statuses(id);
    expect(reports.map((s) => s.status)).toEqual(['sent', 'delivered', 'read']);
    for (const report of reports)
      expect(report).toMatchObject({
        id: json.messages[0]!.id,
        recipient_id: customer,
        biz_opaque_callback_data: 'node-7',
      });
    expect(reports[0]).toMatchObject({
      conversation: { origin: { type: 'service' } },
      pricing: { category: 'service' },
    });
  });

  it('fails free-form messages outside the 24 h window with a 131047 status, but not templates', async () => {
    const freeForm = await send(text('are you there?'));
    expect(freeForm.status).toBe(200);
    const template = await send({
      messaging_product: 'whatsapp',
      to: customer,
      type: 'template',
      template: { name: 'hello_world', language: { code: 'en_US' } },
    });
    const ids = [freeForm.json.messages[0]!.id, template.json.messages[0]!.id];
    await until(() => statuses(...ids).length === 4, 2000, 'statuses');
    const failed = statuses(...ids).filter((s) => s.status === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      id: freeForm.json.messages[0]!.id,
      errors: [{ code: 131047, title: 'Re-engagement message' }],
    });
  });

  it('marks an inbound message read', async () => {
    const inbound = await post<{ wamid: string }>(`${env.emulator.url}/_emulator/customers/${customer}/messages`, {
      text: 'hello',
    });
    const { json } = await send({ messaging_product: 'whatsapp', status: 'read', message_id: inbound.json.wamid });
    expect(json).toEqual({ success: true });
    expect(
      (await send<GraphErrorBody>({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.nope' })).status,
    ).toBe(400);
  });
});

describe('fault injection', () => {
  it('fails the next sends in order with the given status and code, then recovers', async () => {
    await openWindow();
    await post(`${env.emulator.url}/_emulator/faults`, {
      next: [{ status: 500 }, { status: 400, code: 131047 }, { code: 130429 }],
    });
    const results = [];
    for (let i = 0; i < 4; i += 1) results.push(await send<GraphErrorBody>(text(`try ${i}`)));
    expect(results.map((r) => [r.status, r.json.error?.code])).toEqual([
      [500, 131000],
      [400, 131047],
      [400, 130429],
      [200, undefined],
    ]);
    expect(env.emulator.state.stats.toJSON()).toMatchObject({
      rejected: { injected: 3 },
      sends: { total: 4, accepted: 1 },
    });
  });

  it('adds latency, can drop the connection, and reports async failures by webhook', async () => {
    await openWindow();
    await post(`${env.emulator.url}/_emulator/faults`, {
      latencyMs: 60,
      next: [{ drop: true }, { async: true, code: 131026 }],
    });
    const started = Date.now();
    await expect(send(text('dropped'))).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    const accepted = await send(text('undeliverable'));
    expect(accepted.status).toBe(200);
    const id = accepted.json.messages[0]!.id;
    await until(() => statuses(id).length > 0, 2000, 'failed status');
    expect(statuses(id)).toMatchObject([{ status: 'failed', errors: [{ code: 131026 }] }]);
    await post(`${env.emulator.url}/_emulator/faults`, { latencyMs: 0 });
  });

  it('enforces a per-second throughput limit with 130429', async () => {
    await openWindow();
    await post(`${env.emulator.url}/_emulator/faults`, { throughputPerSecond: 2 });
    const codes = [];
    for (let i = 0; i < 5; i += 1) codes.push((await send<GraphErrorBody>(text(`burst ${i}`))).json.error?.code);
    expect(codes.filter((c) => c === 130429).length).toBeGreaterThanOrEqual(1);
  });
});

describe('transcript', () => {
  it('records both directions in order with ids, statuses and quoted ids', async () => {
    const inbound = await post<{ wamid: string }>(`${env.emulator.url}/_emulator/customers/${customer}/messages`, {
      text: 'hi',
      name: 'Ada',
    });
    const reply = await send(text('hello Ada', { context: { message_id: inbound.json.wamid } }));
    await until(() => statuses(reply.json.messages[0]!.id).length === 3, 2000, 'statuses');
    const chats = await fetch(`${env.emulator.url}/_emulator/chats`).then((r) => r.json());
    expect(chats).toEqual([expect.objectContaining({ waId: customer, name: 'Ada', messages: 2, windowOpen: true })]);
    const chat = (await fetch(`${env.emulator.url}/_emulator/chats/${customer}`).then((r) => r.json())) as {
      entries: Record<string, unknown>[];
    };
    expect(chat.entries).toMatchObject([
      { direction: 'inbound', wamid: inbound.json.wamid, type: 'text', message: { text: { body: 'hi' } } },
      {
        direction: 'outbound',
        wamid: reply.json.messages[0]!.id,
        contextId: inbound.json.wamid,
        status: 'read',
        message: { text: { body: 'hello Ada' } },
      },
    ]);
    expect((chat.entries[1]!.statuses as { status: string }[]).map((s) => s.status)).toEqual([
      'accepted',
      'sent',
      'delivered',
      'read',
    ]);
    const stats = await fetch(`${env.emulator.url}/_emulator/stats`).then((r) => r.json());
    expect(stats).toMatchObject({
      sends: { total: 1, accepted: 1, maxPerSecond: 1, byPhoneNumber: { '100000000000001': { total: 1 } } },
      inbound: 1,
    });
  });
});
