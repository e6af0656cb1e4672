import { describe, expect, it } from 'vitest';
import { checkContextWith, definitionOf, TestConversation } from '../../testing.ts';
import { sendButtons } from './send-buttons/index.ts';
import { sendList } from './send-list/index.ts';
import { sendMedia } from './send-media/index.ts';
import { sendText } from './send-text/index.ts';

const fallback = { name: 'follow_up', language: 'en_US', bodyParameters: ['{{name}}', 'your order'] };
const filled = { name: 'follow_up', language: 'en_US', bodyParameters: ['Thandi', 'your order'] };

const nodes = {
  send_text: { text: 'Hi {{name}}' },
  send_buttons: { body: 'Book?', buttons: [{ id: 'y', title: 'Yes' }] },
  send_list: { body: 'Pick', button: 'Open', sections: [{ rows: [{ id: 'a', title: 'A' }] }] },
  send_media: { mediaType: 'image', link: 'https://example.com/a.png' },
} as const;
const types = { send_text: sendText, send_buttons: sendButtons, send_list: sendList, send_media: sendMedia };

describe('template fallback of the WhatsApp send nodes', () => {
  it.each(Object.keys(nodes) as (keyof typeof nodes)[])('%s carries it with its parameters filled in', (type) => {
    const options = types[type].options.parse({ ...nodes[type], templateFallback: fallback });
    const definition = definitionOf({ say: { type, options, next: {} } }, 'say');
    const r = new TestConversation(definition, undefined, { name: 'Thandi' }).say('hi');
    expect(r.outputs[0]).toMatchObject({ fallback: filled });
  });

  it('is optional, and left off the message when not given', () => {
    const definition = definitionOf({ say: { type: 'send_text', options: { text: 'Hello' }, next: {} } }, 'say');
    expect(new TestConversation(definition).say('hi').outputs).toEqual([{ kind: 'text', text: 'Hello' }]);
  });

  it('defaults the parameters and rejects what WhatsApp would, in plain words', () => {
    const parse = (templateFallback: Record<string, unknown>) =>
      sendText.options.safeParse({ text: 'x', templateFallback });
    expect(parse({ name: 'follow_up', language: 'en' }).data?.templateFallback?.bodyParameters).toEqual([]);
    expect(parse({ name: 'Follow Up', language: 'en' }).error?.issues[0]?.message).toBe(
      'a template name uses only lower-case letters, digits and _, as in WhatsApp Manager',
    );
    expect(parse({ name: 'follow_up', language: 'English' }).error?.issues[0]?.message).toBe(
      'a language code such as en, en_US or pt_BR',
    );
    expect(parse({ name: 'follow_up', language: 'en', bodyParameters: [''] }).error?.issues[0]?.message).toBe(
      'a parameter cannot be empty',
    );
  });

  it('reports unknown variables in its parameters', () => {
    const options = sendList.options.parse({ ...nodes.send_list, templateFallback: fallback });
    expect(sendList.check?.(options, checkContextWith(['name']))).toEqual([]);
    expect(sendList.check?.(options, checkContextWith())).toEqual([
      {
        field: 'templateFallback.bodyParameters.0',
        message: '{{name}}: "name" is never set: declare it, or set it in an earlier node',
      },
    ]);
  });
});
