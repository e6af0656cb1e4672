import { createHmac, timingSafeEqual } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { afterEach, describe, expect, it } from 'vitest';
import { localServers, startRecordingServer, type ReceivedRequest, type RecordingServer } from './test-server.ts';
import { createWebhook, type WebhookSecrets } from './webhook.ts';

const SECRET = 'whsec_test_only';
const secrets: WebhookSecrets = (name) => (name === 'crm' ? SECRET : undefined);
const webhook = createWebhook(secrets, localServers);

let server: RecordingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** What a receiver does, written independently of the sender: recompute the HMAC and compare in constant time. */
function verified(request: ReceivedRequest, secret: string): boolean {
  const header = String(request.headers['x-botflow-signature-256'] ?? '');
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(request.body).digest('hex')}`);
  return header.length === expected.length && timingSafeEqual(Buffer.from(header), expected);
}

async function receiver(secret: string): Promise<RecordingServer> {
  server = await startRecordingServer((req, res) => res.writeHead(verified(req, secret) ? 204 : 401).end());
  return server;
}

function delivery(url: string, extra: Record<string, string> = {}) {
  return {
    url,
    event: 'lead.created',
    deliveryId: '0466c8a2b37f83cc',
    body: '{"email":"sam@example.com","note":"café ☕"}',
    secretRef: 'crm',
    timeoutSeconds: 5,
    ...extra,
  };
}

describe('webhook', () => {
  it('posts the JSON body signed so that the receiver can verify it', async () => {
    const s = await receiver(SECRET);
    expect(await webhook(delivery(`${s.url}/hooks`))).toEqual({ status: 204 });
    const [request] = s.received;
    expect(request).toMatchObject({
      method: 'POST',
      url: '/hooks',
      body: '{"email":"sam@example.com","note":"café ☕"}',
      headers: {
        'content-type': 'application/json',
        'x-botflow-event': 'lead.created',
        'x-botflow-delivery': '0466c8a2b37f83cc',
      },
    });
  });

  it('is refused by a receiver holding another secret, for good', async () => {
    const s = await receiver('another secret');
    const failure = await webhook(delivery(s.url)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ nonRetryable: true, message: `the webhook at ${s.url}/ answered 401` });
  });

  it('sends the same delivery id on every attempt', async () => {
    server = await startRecordingServer((_req, res) => res.writeHead(server?.received.length === 1 ? 502 : 200).end());
    const first = await webhook(delivery(server.url)).catch((e: unknown) => e);
    expect(first).not.toBeInstanceOf(ApplicationFailure);
    expect(await webhook(delivery(server.url))).toEqual({ status: 200 });
    const ids = server.received.map((r) => r.headers['x-botflow-delivery']);
    expect(ids).toEqual(['0466c8a2b37f83cc', '0466c8a2b37f83cc']);
  });

  it('refuses for good to deliver to an address that is not public', async () => {
    const s = await receiver(SECRET);
    const failure = await createWebhook(secrets, { allowHosts: [] })(delivery(`${s.url}/hooks`)).catch(
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({
      nonRetryable: true,
      message: `${s.url}/hooks is 127.0.0.1, a loopback address (this machine); only public internet addresses can be fetched`,
    });
    expect(s.received).toEqual([]);
  });

  it('refuses an unknown secret name or a payload that is not JSON', async () => {
    const s = await receiver(SECRET);
    expect(await webhook(delivery(s.url, { secretRef: 'billing' })).catch((e: unknown) => e)).toMatchObject({
      nonRetryable: true,
      message: 'no webhook secret called "billing" is set up on the server',
    });
    expect(await webhook(delivery(s.url, { body: '{"a":' })).catch((e: unknown) => e)).toMatchObject({
      nonRetryable: true,
      message: 'the webhook payload is not valid JSON',
    });
    expect(s.received).toEqual([]);
  });
});
