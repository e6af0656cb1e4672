import { describe, expect, it } from 'vitest';
import { inboundContent } from './inbound-content.ts';
import { buildInboundMessage, buildMessagesWebhook, buildStatus, buildStatusesWebhook } from './webhook-builder.ts';
import { parseWebhook, WebhookShapeError } from './webhook-parse.ts';

const numberA = { wabaId: 'waba-1', phoneNumberId: '111', displayPhoneNumber: '+15550000111' };
const numberB = { wabaId: 'waba-2', phoneNumberId: '222', displayPhoneNumber: '+15550000222' };
const thandi = { waId: '27820000001', name: 'Thandi' };

describe('parseWebhook', () => {
  it('reads what a bot needs from every kind of message', () => {
    const kinds = [
      [inboundContent.text('hello'), 'hello', undefined],
      [inboundContent.buttonReply('opt-2', 'Book a room'), 'Book a room', 'opt-2'],
      [inboundContent.listReply('row-7', 'Sea view', 'R900'), 'Sea view', 'row-7'],
      [inboundContent.templateButton('YES_PAYLOAD', 'Yes'), 'Yes', 'YES_PAYLOAD'],
      [inboundContent.image({ caption: 'my receipt' }), 'my receipt', undefined],
      [inboundContent.document({ filename: 'id.pdf' }), 'id.pdf', undefined],
      [inboundContent.location({ latitude: -33.9, longitude: 18.4, name: 'Sea Point' }), 'Sea Point', undefined],
      [inboundContent.location({ latitude: -33.9, longitude: 18.4 }), '-33.9,18.4', undefined],
      [inboundContent.contacts([{ name: { formatted_name: 'Sam Lee' } }]), 'Sam Lee', undefined],
      [inboundContent.audio(), '', undefined],
    ] as const;
    for (const [content, text, optionId] of kinds) {
      const webhook = buildMessagesWebhook(numberA, thandi, buildInboundMessage(thandi, content));
      const [message] = parseWebhook(JSON.parse(JSON.stringify(webhook))).messages;
      expect(message?.text, content.type).toBe(text);
      expect(message?.optionId, content.type).toBe(optionId);
      expect(message?.customer).toEqual({ waId: '27820000001', name: 'Thandi' });
    }
  });

  it('takes every entry, change and message of one POST, for several numbers, in order', () => {
    const one = buildMessagesWebhook(numberA, thandi, [
      buildInboundMessage(thandi, inboundContent.text('first'), { id: 'wamid.1' }),
      buildInboundMessage(thandi, inboundContent.text('second'), { id: 'wamid.2' }),
    ]);
    const two = buildMessagesWebhook(
      numberB,
      { waId: '27820000002' },
      buildInboundMessage({ waId: '27820000002' }, inboundContent.text('other'), { id: 'wamid.3' }),
    );
    const body = { object: 'whatsapp_business_account', entry: [...one.entry, ...two.entry] };
    const parsed = parseWebhook(body);
    expect(parsed.messages.map((m) => [m.phoneNumberId, m.wabaId, m.id])).toEqual([
      ['111', 'waba-1', 'wamid.1'],
      ['111', 'waba-1', 'wamid.2'],
      ['222', 'waba-2', 'wamid.3'],
    ]);
  });

  it('identifies a customer by business-scoped user id when the phone number is hidden', () => {
    const customer = { userId: 'US.13491208655302741918', name: 'Anon' };
    const webhook = buildMessagesWebhook(numberA, customer, buildInboundMessage(customer, inboundContent.text('hi')));
    expect(parseWebhook(webhook).messages[0]?.customer).toEqual({ userId: 'US.13491208655302741918', name: 'Anon' });
  });

  it('keeps unknown kinds, with no text, instead of failing', () => {
    const message = { from: '27820000001', id: 'wamid.x', timestamp: '1795680000', type: 'hologram', hologram: {} };
    const webhook = buildMessagesWebhook(numberA, thandi, message as never);
    expect(parseWebhook(webhook).messages[0]).toMatchObject({ type: 'hologram', text: '' });
  });

  it('reads statuses with their number', () => {
    const status = buildStatus({ id: 'wamid.out', status: 'read', recipient: thandi, bizOpaqueCallbackData: 'key-1' });
    const [parsed] = parseWebhook(buildStatusesWebhook(numberB, status)).statuses;
    expect(parsed?.phoneNumberId).toBe('222');
    expect(parsed?.status).toMatchObject({ id: 'wamid.out', status: 'read', biz_opaque_callback_data: 'key-1' });
  });

  it('says which field is wrong in a body of the wrong shape', () => {
    expect(() => parseWebhook({ object: 'page', entry: [] })).toThrow(WebhookShapeError);
    expect(() =>
      parseWebhook({
        object: 'whatsapp_business_account',
        entry: [
          {
            id: 'w',
            changes: [{ field: 'messages', value: { messages: [{ id: 'x', type: 'text', timestamp: 'yesterday' }] } }],
          },
        ],
      }),
    ).toThrow(/timestamp must be unix seconds/);
    const anonymous = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: 'w',
          changes: [
            {
              field: 'messages',
              value: { metadata: { phone_number_id: '1' }, messages: [{ id: 'x', type: 'text', timestamp: '1' }] },
            },
          ],
        },
      ],
    };
    expect(() => parseWebhook(anonymous)).toThrow(/neither "from" nor "from_user_id"/);
  });
});
