import { describe, expect, it } from 'vitest';
import { checkContextOf, definitionOf, said, saying, TestConversation } from '../../../testing.ts';
import type { VariableDecl } from '../../../variables.ts';
import { webhookDeliveryId } from './delivery-id.ts';
import { webhook } from './index.ts';

const variables: VariableDecl[] = [{ name: 'email', scope: 'conversation', type: 'string' }];
const base = { url: 'https://crm.example.com/hooks', event: 'lead.created', secretRef: 'crm' };

function conversation(options: Record<string, unknown>, contactKey = '27820000001') {
  const definition = definitionOf(
    {
      hook: { type: 'webhook', options: webhook.options.parse(options), next: { next: 'ok', error: 'oops' } },
      ok: saying('sent'),
      oops: saying('failed'),
    },
    'hook',
    { variables },
  );
  return new TestConversation(definition, contactKey, { email: 'sam@example.com' });
}

describe('webhook', () => {
  it('fills in defaults and rejects bad names', () => {
    expect(webhook.options.parse(base)).toMatchObject({ payload: '{}', timeoutSeconds: 10 });
    const event = webhook.options.safeParse({ ...base, event: 'Lead Created' });
    expect(event.error?.issues[0]?.message).toBe('an event name is short and lower-case, e.g. lead.created');
    const secret = webhook.options.safeParse({ ...base, secretRef: 'whsec_abc def' });
    expect(secret.error?.issues[0]?.message).toMatch(/^name the signing secret/);
  });

  it('asks for a delivery with the payload filled in and a delivery id derived from the visit', () => {
    const c = conversation({ ...base, payload: '{"email": "{{email}}", "name": {{contact.name}}}' });
    const result = c.say('hi');
    expect(result.effect).toEqual({
      type: 'webhook',
      input: {
        url: 'https://crm.example.com/hooks',
        event: 'lead.created',
        deliveryId: webhookDeliveryId('hook', '27820000001', c.now),
        body: '{"email": "sam@example.com", "name": ""}',
        secretRef: 'crm',
        timeoutSeconds: 10,
      },
      retry: { maxAttempts: 3, initialIntervalSeconds: 1 },
      timeoutSeconds: 10,
    });
  });

  it('derives different delivery ids for other visits, nodes or customers', () => {
    const id = webhookDeliveryId('hook', '27820000001', 1000);
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(webhookDeliveryId('hook', '27820000001', 1000)).toBe(id);
    expect(
      new Set([
        id,
        webhookDeliveryId('hook', '27820000001', 1001),
        webhookDeliveryId('hook2', '27820000001', 1000),
        webhookDeliveryId('hook', '27820000002', 1000),
      ]).size,
    ).toBe(4);
  });

  it('leaves through next when delivered and error when not', () => {
    const delivered = conversation(base);
    delivered.say('hi');
    expect(said(delivered.complete({ ok: true, value: { status: 204 } }))).toEqual(['sent']);
    const refused = conversation(base);
    refused.say('hi');
    expect(said(refused.complete({ ok: false, error: 'answered 401' }))).toEqual(['failed']);
    expect(refused.state.lastError?.message).toBe('answered 401');
  });

  it('checks the payload is JSON and its variables exist', () => {
    const ctx = checkContextOf(definitionOf({}, 'x', { variables }));
    const check = (payload: string) => webhook.check?.(webhook.options.parse({ ...base, payload }), ctx);
    expect(check('{"email": "{{email}}"}')).toEqual([]);
    expect(check('{"email": {{mail}}}')).toEqual([
      { field: 'payload', message: '{{mail}}: "mail" is never set: declare it, or set it in an earlier node' },
    ]);
    expect(check('{"email": "{{email}}"')).toEqual([
      { field: 'payload', message: expect.stringMatching(/^this is not valid JSON/) as unknown },
    ]);
  });
});
