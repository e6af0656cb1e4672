import { describe, expect, it } from 'vitest';
import { inboundContent } from './inbound-content.ts';
import { verifySignature } from './signature.ts';
import {
  buildInboundMessage,
  buildMessagesWebhook,
  buildStatus,
  buildStatusesWebhook,
  newWamid,
  serializeSignedWebhook,
} from './webhook-builder.ts';
import { isKnownInboundMessage } from './wire/inbound-message.ts';

const business = { wabaId: '200000000000001', phoneNumberId: '100000000000001', displayPhoneNumber: '+1 555 000 0001' };
const customer = { waId: '15551234567', name: 'Ada' };

describe('buildMessagesWebhook', () => {
  it('wraps a message in Meta’s envelope with metadata and contact', () => {
    const message = buildInboundMessage(customer, inboundContent.text('hi'), { at: new Date('2026-01-02T03:04:05Z') });
    expect(buildMessagesWebhook(business, customer, message)).toEqual({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: business.wabaId,
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '15550000001', phone_number_id: business.phoneNumberId },
                contacts: [{ profile: { name: 'Ada' }, wa_id: '15551234567' }],
                messages: [
                  { from: '15551234567', id: message.id, timestamp: '1767323045', type: 'text', text: { body: 'hi' } },
                ],
              },
            },
          ],
        },
      ],
    });
    expect(message.id).toMatch(/^wamid\./);
  });

  it('builds every inbound kind with its type-named object', () => {
    const kinds = [
      inboundContent.text('x'),
      inboundContent.buttonReply('yes', 'Yes'),
      inboundContent.listReply('r1', 'Row 1', 'first'),
      inboundContent.templateButton('STOP', 'Stop'),
      inboundContent.image({ caption: 'cat' }),
      inboundContent.video(),
      inboundContent.sticker(),
      inboundContent.document({ filename: 'a.pdf' }),
      inboundContent.audio(),
      inboundContent.location({ latitude: 1, longitude: 2, name: 'Here' }),
      inboundContent.contacts([{ name: { formatted_name: 'Bob' }, phones: [{ phone: '+1 555' }] }]),
      inboundContent.reaction('wamid.X', '👍'),
      inboundContent.unsupported(),
    ];
    for (const content of kinds) {
      const message = buildInboundMessage(customer, content);
      expect(isKnownInboundMessage(message)).toBe(true);
      if (content.type !== 'unsupported') expect(message).toHaveProperty(content.type);
    }
    expect(buildInboundMessage(customer, inboundContent.image())).toMatchObject({
      image: { mime_type: 'image/jpeg', id: expect.any(String) as string, sha256: expect.any(String) as string },
    });
  });

  it('carries the quoted message and the business-scoped id, omitting the phone number when unknown', () => {
    const hidden = { userId: 'US.13491208655302741918', name: 'Anon' };
    const message = buildInboundMessage(hidden, inboundContent.text('re'), {
      context: { from: '15550000001', id: 'wamid.Q' },
    });
    expect(message).not.toHaveProperty('from');
    expect(message).toMatchObject({ from_user_id: hidden.userId, context: { id: 'wamid.Q' } });
    const value = buildMessagesWebhook(business, hidden, message).entry[0]?.changes[0]?.value;
    expect(value?.contacts).toEqual([{ profile: { name: 'Anon' }, user_id: hidden.userId }]);
  });
});

describe('buildStatusesWebhook', () => {
  it('reports a status with pricing, errors and the callback data', () => {
    const id = newWamid();
    const status = buildStatus({
      id,
      status: 'failed',
      recipient: customer,
      at: 1_700_000_000_000,
      errors: [{ code: 131047, title: 'Re-engagement message' }],
      bizOpaqueCallbackData: 'node-7',
    });
    const value = buildStatusesWebhook(business, status).entry[0]?.changes[0]?.value;
    expect(value?.contacts).toBeUndefined();
    expect(value?.statuses).toEqual([
      {
        id,
        status: 'failed',
        timestamp: '1700000000',
        recipient_id: customer.waId,
        errors: [{ code: 131047, title: 'Re-engagement message' }],
        biz_opaque_callback_data: 'node-7',
      },
    ]);
  });
});

describe('serializeSignedWebhook', () => {
  it('signs the exact bytes it returns', () => {
    const { body, headers } = serializeSignedWebhook(buildStatusesWebhook(business, []), 'secret');
    expect(verifySignature(Buffer.from(body), headers['x-hub-signature-256'], 'secret')).toBe(true);
  });
});
