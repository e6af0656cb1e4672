import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildInboundMessage,
  buildMessagesWebhook,
  buildStatus,
  buildStatusesWebhook,
  signPayload,
} from '@botflow/whatsapp';
import { WorkflowNotFoundError } from '@temporalio/client';
import { conversationWorkflowId } from '@botflow/contracts';
import { APP_SECRET, eventually, useProduct, VERIFY_TOKEN } from './product.ts';

const product = useProduct();

const webhookUrl = () => `${product().apiUrl}/webhooks/whatsapp`;
const post = (body: string | Buffer, headers: Record<string, string> = {}) =>
  fetch(webhookUrl(), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
const signed = (body: string) => post(body, { 'x-hub-signature-256': signPayload(body, APP_SECRET) });

const business = () => ({
  wabaId: '200000000000009',
  phoneNumberId: product().phoneNumberId,
  displayPhoneNumber: '+15550001234',
});

function textWebhook(customer: string, text: string, id = `wamid.e2e${randomBytes(8).toString('hex')}`) {
  const message = buildInboundMessage({ waId: customer }, { type: 'text', text: { body: text } }, { id });
  return { id, body: JSON.stringify(buildMessagesWebhook(business(), { waId: customer, name: 'Test' }, message)) };
}

describe('webhook ingress rejects bad input with a clear answer', () => {
  it('answers the verification handshake only with the right token', async () => {
    const ok = await fetch(`${webhookUrl()}?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=12345`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('12345');
    const wrong = await fetch(`${webhookUrl()}?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=12345`);
    expect(wrong.status).toBe(403);
  });

  it('401 for a missing or wrong signature, checked before anything is parsed', async () => {
    const { body } = textWebhook('27820000201', 'hi');
    expect((await post(body)).status).toBe(401);
    expect((await post(body, { 'x-hub-signature-256': signPayload(body, 'another-secret') })).status).toBe(401);
    expect((await post('not json', { 'x-hub-signature-256': 'sha256=00' })).status).toBe(401);
  });

  it('400 with a reason for malformed JSON and for a body of the wrong shape', async () => {
    const malformed = await signed('{"object":');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: string }).error).toMatch(/not valid JSON/);
    const shape = await signed(JSON.stringify({ object: 'page', entry: [] }));
    expect(shape.status).toBe(400);
    expect(((await shape.json()) as { error: string }).error).toMatch(/whatsapp_business_account/);
  });

  it("413 above Meta's 3 MB", async () => {
    const big = JSON.stringify({ object: 'whatsapp_business_account', entry: [], pad: 'x'.repeat(3 * 1024 * 1024) });
    expect((await signed(big)).status).toBe(413);
  });

  it('accepts an unknown message kind without crashing and still answers the customer', async () => {
    const customer = '27820000202';
    const message = {
      from: customer,
      id: `wamid.odd${randomBytes(6).toString('hex')}`,
      timestamp: `${Math.floor(Date.now() / 1000)}`,
      type: 'hologram',
      hologram: { x: 1 },
    };
    const body = JSON.stringify(buildMessagesWebhook(business(), { waId: customer, name: 'Odd' }, message as never));
    expect((await signed(body)).status).toBe(200);
    await eventually(
      () => product().replies(customer),
      (r) => r.length === 1,
    );
    const stored = await eventually(
      () => product().db.message.findUnique({ where: { wamid: message.id } }),
      (m) => m !== null,
    );
    expect(stored?.type).toBe('hologram');
  });
});

describe('one POST for several business accounts and numbers', () => {
  it('answers the message for the connected number and drops the one for a number not connected here', async () => {
    const bound = textWebhook('27820000205', 'hi');
    const otherNumber = `9${product().phoneNumberId.slice(1)}`;
    const other = buildMessagesWebhook(
      { wabaId: '200000000000077', phoneNumberId: otherNumber, displayPhoneNumber: '+15550009999' },
      { waId: '27820000206', name: 'Elsewhere' },
      buildInboundMessage({ waId: '27820000206' }, { type: 'text', text: { body: 'hello?' } }),
    );
    const both = JSON.parse(bound.body) as { entry: unknown[] };
    both.entry.push(...other.entry);
    expect((await signed(JSON.stringify(both))).status).toBe(200);
    await eventually(
      () => product().replies('27820000205'),
      (r) => r.length === 1,
    );
    // The other number is not connected here: acknowledged and logged, never started as a conversation.
    const handle = product().temporal.workflow.getHandle(conversationWorkflowId(otherNumber, '27820000206'));
    await expect(handle.describe()).rejects.toThrow(WorkflowNotFoundError);
    expect(product().replies('27820000206')).toHaveLength(0);
  });
});

describe("a business's own Meta app", () => {
  const ownSecret = 'own-app-secret-0123456789';
  const ownVerifyToken = 'own-app-verify-token';
  let ownNumber = '';
  const ownBusiness = () => ({
    wabaId: '200000000000055',
    phoneNumberId: ownNumber,
    displayPhoneNumber: '+15550005555',
  });
  const customerWebhook = (
    to: () => { wabaId: string; phoneNumberId: string; displayPhoneNumber: string },
    waId: string,
  ) =>
    buildMessagesWebhook(
      to(),
      { waId, name: 'Own app' },
      buildInboundMessage(
        { waId },
        { type: 'text', text: { body: 'hi' } },
        { id: `wamid.own${randomBytes(8).toString('hex')}` },
      ),
    );
  const started = (phoneNumberId: string, waId: string) =>
    product()
      .temporal.workflow.getHandle(conversationWorkflowId(phoneNumberId, waId))
      .describe()
      .then(
        () => true,
        (err: unknown) => {
          if (err instanceof WorkflowNotFoundError) return false;
          throw err;
        },
      );

  beforeAll(async () => {
    ownNumber = `8${product().phoneNumberId.slice(1)}`;
    const res = await fetch(`${product().apiUrl}/api/channels`, {
      method: 'POST',
      headers: { authorization: `Bearer ${product().apiToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        // No bot: the number's messages are taken and logged, and nothing is sent through the emulator's one number.
        ...ownBusiness(),
        accessToken: 'EAAGownappaccesstoken0123456789',
        appSecret: ownSecret,
        verifyToken: ownVerifyToken,
      }),
    });
    expect(res.status).toBe(201);
  });

  it("answers the handshake with the channel's verify token (within a second of the channel's creation)", async () => {
    const handshake = () =>
      fetch(`${webhookUrl()}?hub.mode=subscribe&hub.verify_token=${ownVerifyToken}&hub.challenge=777`).then(
        async (r) => ({ status: r.status, body: await r.text() }),
      );
    expect(await eventually(handshake, (r) => r.status === 200, 3000)).toEqual({ status: 200, body: '777' });
  });

  it("accepts a webhook signed with the channel's app secret", async () => {
    const body = JSON.stringify(customerWebhook(ownBusiness, '27820000301'));
    expect((await post(body, { 'x-hub-signature-256': signPayload(body, ownSecret) })).status).toBe(200);
    expect(await started(ownNumber, '27820000301')).toBe(true);
  });

  it("never lets that secret speak for another app's numbers", async () => {
    const theirs = JSON.stringify(customerWebhook(business, '27820000302'));
    expect((await post(theirs, { 'x-hub-signature-256': signPayload(theirs, ownSecret) })).status).toBe(401);

    const mixed = customerWebhook(ownBusiness, '27820000303');
    mixed.entry.push(...customerWebhook(business, '27820000304').entry);
    const body = JSON.stringify(mixed);
    expect((await post(body, { 'x-hub-signature-256': signPayload(body, ownSecret) })).status).toBe(200);
    expect(await started(ownNumber, '27820000303')).toBe(true);
    expect(await started(product().phoneNumberId, '27820000304')).toBe(false);
  });
});

describe('statuses', () => {
  it('never goes backwards: a late "sent" or "delivered" after "read" changes nothing', async () => {
    const customer = '27820000208';
    await product().say(customer, 'hi');
    const [reply] = await eventually(
      () => product().replies(customer),
      (r) => r.length === 1,
    );
    const wamid = reply?.wamid ?? '';
    await eventually(
      () => product().db.message.findUnique({ where: { wamid } }),
      (m) => m?.status === 'read',
    );
    const late = ['delivered', 'sent'].map((status) =>
      buildStatus({ id: wamid, status: status as 'sent', recipient: { waId: customer }, at: Date.now() - 60_000 }),
    );
    expect((await signed(JSON.stringify(buildStatusesWebhook(business(), late)))).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await product().db.message.findUnique({ where: { wamid } })).toMatchObject({ status: 'read' });
  });

  it('keeps a status for a message BotFlow never sent, instead of dropping it', async () => {
    const id = `wamid.elsewhere${randomBytes(6).toString('hex')}`;
    const status = buildStatus({ id, status: 'delivered', recipient: { waId: '27820000207' } });
    const body = JSON.stringify(buildStatusesWebhook(business(), [status]));
    expect((await signed(body)).status).toBe(200);
    expect((await signed(body)).status).toBe(200);
    const rows = await eventually(
      () => product().db.unmatchedStatus.findMany({ where: { wamid: id } }),
      (r) => r.length > 0,
    );
    expect(rows).toMatchObject([{ status: 'delivered', phoneNumberId: product().phoneNumberId }]);
  });
});

describe('duplicates and retries never produce a second reply', () => {
  it('the same webhook delivered 5 times at once gets one reply', async () => {
    const customer = '27820000203';
    const { id, body } = textWebhook(customer, 'hi');
    const answers = await Promise.all(Array.from({ length: 5 }, () => signed(body)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    await eventually(
      () => product().replies(customer),
      (r) => r.length === 1,
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect(
      product()
        .replies(customer)
        .map((r) => r.contextId),
    ).toEqual([id]);
    expect((await signed(body)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1000));
    expect(product().replies(customer)).toHaveLength(1);
  });

  it('a Graph API 500 followed by 200 sends the reply exactly once', async () => {
    const customer = '27820000204';
    await fetch(`${product().emulatorUrl}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ next: [{ status: 500 }, { status: 503 }] }),
    });
    const id = await product().say(customer, 'hi');
    const replies = await eventually(
      () => product().replies(customer),
      (r) => r.length === 1,
    );
    expect(replies[0]?.contextId).toBe(id);
    await new Promise((r) => setTimeout(r, 1500));
    expect(product().replies(customer)).toHaveLength(1);
    const stats = (await (await fetch(`${product().emulatorUrl}/_emulator/stats`)).json()) as {
      rejected: { injected: number };
    };
    expect(stats.rejected.injected).toBe(2);
  });
});
