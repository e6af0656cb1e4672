import { describe, expect, it } from 'vitest';
import { isMarkReadRequest, validateSendRequest } from './send-validation.ts';

const base = { messaging_product: 'whatsapp', recipient_type: 'individual', to: '15551234567' };
const buttons = (...titles: string[]) => ({
  ...base,
  type: 'interactive',
  interactive: {
    type: 'button',
    body: { text: 'Pick one' },
    action: { buttons: titles.map((title, i) => ({ type: 'reply', reply: { id: `b${i}`, title } })) },
  },
});
const list = (sections: { title?: string; rows: { id: string; title: string; description?: string }[] }[]) => ({
  ...base,
  type: 'interactive',
  interactive: { type: 'list', body: { text: 'Menu' }, action: { button: 'Open', sections } },
});
const rows = (n: number, prefix = 'r') =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, title: `Row ${i}` }));

function expectError(body: unknown, code: number, details: RegExp) {
  const result = validateSendRequest(body);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.code).toBe(code);
  expect(result.details).toMatch(details);
}

describe('validateSendRequest accepts a valid body of each kind', () => {
  it.each([
    ['text', { ...base, type: 'text', text: { body: 'hi', preview_url: false } }],
    ['buttons', buttons('Yes', 'No', 'Maybe')],
    [
      'list',
      list([
        { title: 'A', rows: rows(5) },
        { title: 'B', rows: rows(5, 's') },
      ]),
    ],
    ['template', { ...base, type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } }],
    ['image by id', { ...base, type: 'image', image: { id: '123', caption: 'look' } }],
    ['video by link', { ...base, type: 'video', video: { link: 'https://example.com/v.mp4' } }],
    ['audio', { ...base, type: 'audio', audio: { id: '9' } }],
    ['document', { ...base, type: 'document', document: { link: 'https://example.com/a.pdf', filename: 'a.pdf' } }],
    ['sticker', { ...base, type: 'sticker', sticker: { id: '5' } }],
    ['reaction', { ...base, type: 'reaction', reaction: { message_id: 'wamid.X', emoji: '👍' } }],
    ['location', { ...base, type: 'location', location: { latitude: 52.5, longitude: '13.4', name: 'Berlin' } }],
    [
      'quoting with callback data',
      {
        ...base,
        type: 'text',
        text: { body: 'ok' },
        context: { message_id: 'wamid.Y' },
        biz_opaque_callback_data: 'x'.repeat(512),
      },
    ],
    [
      'to a business-scoped user id',
      { messaging_product: 'whatsapp', recipient: 'US.1349120865', type: 'text', text: { body: 'hi' } },
    ],
  ])('%s', (_, body) => {
    expect(validateSendRequest(body)).toMatchObject({ ok: true, request: body });
  });

  it('treats a missing type as text, like Meta', () => {
    expect(validateSendRequest({ ...base, text: { body: 'hi' } })).toMatchObject({
      ok: true,
      request: { type: 'text' },
    });
  });
});

describe('validateSendRequest enforces the envelope', () => {
  it('requires messaging_product "whatsapp", a recipient and a known type', () => {
    expectError(
      { ...base, messaging_product: 'sms', type: 'text', text: { body: 'x' } },
      100,
      /'messaging_product' must be "whatsapp"/,
    );
    expectError({ to: '1', type: 'text', text: { body: 'x' } }, 131008, /'messaging_product' is required/);
    expectError({ messaging_product: 'whatsapp', type: 'text', text: { body: 'x' } }, 131008, /'to' is required/);
    expectError({ ...base, type: 'carousel' }, 100, /'type' must be one of "text", "interactive"/);
    expectError({ ...base, type: 'image' }, 131008, /'image' is required/);
    expectError('hello', 100, /JSON object/);
  });

  it('limits biz_opaque_callback_data to 512 characters', () => {
    expectError(
      { ...base, type: 'text', text: { body: 'x' }, biz_opaque_callback_data: 'x'.repeat(513) },
      131009,
      /'biz_opaque_callback_data' must have at most 512 characters/,
    );
  });
});

describe('validateSendRequest enforces message limits', () => {
  it('text body is 1..4096 characters', () => {
    expectError({ ...base, type: 'text', text: { body: '' } }, 131009, /'text.body' must have at least 1 characters/);
    expectError(
      { ...base, type: 'text', text: { body: 'x'.repeat(4097) } },
      131009,
      /'text.body' must have at most 4096/,
    );
    expectError({ ...base, type: 'text', text: { body: 42 } }, 100, /'text.body' must be of type string/);
  });

  it('reply buttons: 1..3, unique titles of at most 20 characters, ids of at most 256', () => {
    expectError(buttons(), 131009, /'interactive.action.buttons' must have at least 1 items/);
    expectError(buttons('a', 'b', 'c', 'd'), 131009, /'interactive.action.buttons' must have at most 3 items/);
    expectError(
      buttons('Yes', 'x'.repeat(21)),
      131009,
      /'interactive.action.buttons\[1\].reply.title' must have at most 20/,
    );
    expectError(
      buttons('Yes', 'Yes'),
      131009,
      /'interactive.action.buttons\[1\].reply.title': button title 'Yes' is used more than once/,
    );
    const longId = buttons('Yes');
    longId.interactive.action.buttons[0]!.reply.id = 'i'.repeat(257);
    expectError(longId, 131009, /buttons\[0\].reply.id' must have at most 256/);
  });

  it('reply buttons: body ≤1024, footer ≤60, header text ≤60', () => {
    const b = buttons('Yes');
    expectError(
      { ...b, interactive: { ...b.interactive, body: { text: 'x'.repeat(1025) } } },
      131009,
      /'interactive.body.text' must have at most 1024/,
    );
    expectError(
      { ...b, interactive: { ...b.interactive, footer: { text: 'x'.repeat(61) } } },
      131009,
      /'interactive.footer.text' must have at most 60/,
    );
    expectError(
      { ...b, interactive: { ...b.interactive, header: { type: 'text', text: 'x'.repeat(61) } } },
      131009,
      /'interactive.header.text' must have at most 60/,
    );
    expectError(
      { ...b, interactive: { ...b.interactive, type: 'carousel' } },
      100,
      /'interactive.type' must be one of "button", "list"/,
    );
  });

  it('lists: ≤10 sections, ≤10 rows in total, unique row ids, row and button limits', () => {
    expectError(
      list(Array.from({ length: 11 }, (_, i) => ({ title: `S${i}`, rows: rows(1, `s${i}-`) }))),
      131009,
      /'interactive.action.sections' must have at most 10 items/,
    );
    expectError(
      list([
        { title: 'A', rows: rows(6) },
        { title: 'B', rows: rows(5, 's') },
      ]),
      131009,
      /at most 10 rows in total, got 11/,
    );
    expectError(
      list([
        { title: 'A', rows: rows(2) },
        { title: 'B', rows: rows(2) },
      ]),
      131009,
      /sections\[1\].rows\[0\].id': row id 'r0' is used more than once/,
    );
    expectError(
      list([{ rows: [{ id: 'a', title: 'x'.repeat(25) }] }]),
      131009,
      /rows\[0\].title' must have at most 24/,
    );
    expectError(
      list([{ rows: [{ id: 'a', title: 'A', description: 'x'.repeat(73) }] }]),
      131009,
      /rows\[0\].description' must have at most 72/,
    );
    expectError(list([{ rows: [{ id: 'i'.repeat(201), title: 'A' }] }]), 131009, /rows\[0\].id' must have at most 200/);
    expectError(list([{ rows: rows(1) }, { rows: rows(1, 's') }]), 131009, /sections\[0\].title': a title is required/);
    const wideButton = list([{ rows: rows(1) }]);
    wideButton.interactive.action.button = 'x'.repeat(21);
    expectError(wideButton, 131009, /'interactive.action.button' must have at most 20/);
  });

  it('templates need a name and a language code', () => {
    expectError(
      { ...base, type: 'template', template: { language: { code: 'en' } } },
      131008,
      /'template.name' is required/,
    );
    expectError(
      { ...base, type: 'template', template: { name: 'x', language: {} } },
      131008,
      /'template.language.code' is required/,
    );
  });

  it('media needs exactly one of id or link', () => {
    expectError({ ...base, type: 'image', image: {} }, 131009, /'image': exactly one of 'id' or 'link'/);
    expectError(
      { ...base, type: 'document', document: { id: '1', link: 'https://e.com/a' } },
      131009,
      /'document': exactly one/,
    );
    expectError(
      { ...base, type: 'video', video: { link: 'ftp://e.com/a' } },
      131009,
      /'video.link' is not a valid url/,
    );
  });

  it('quoted message ids must not be empty', () => {
    expectError(
      { ...base, type: 'text', text: { body: 'x' }, context: { message_id: '' } },
      131009,
      /'context.message_id'/,
    );
  });
});

describe('isMarkReadRequest', () => {
  it('recognises the read-receipt body sent to the messages endpoint', () => {
    expect(isMarkReadRequest({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.X' })).toBe(true);
    expect(isMarkReadRequest({ ...base, type: 'text', text: { body: 'x' } })).toBe(false);
  });
});
