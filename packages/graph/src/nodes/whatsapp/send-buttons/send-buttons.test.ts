import { describe, expect, it } from 'vitest';
import { checkContextWith, definitionOf, TestConversation } from '../../../testing.ts';
import { sendButtons } from './index.ts';

const buttons = [
  { id: 'yes', title: 'Yes please' },
  { id: 'no', title: 'No thanks' },
];
const options = (extra: Record<string, unknown> = {}) =>
  sendButtons.options.parse({ body: 'Hi {{name}}, shall we book?', buttons, ...extra });
const parse = (extra: Record<string, unknown>) => sendButtons.options.safeParse({ ...options(), ...extra });

describe('send_buttons', () => {
  it('rejects what WhatsApp would refuse, in plain words', () => {
    expect(parse({ buttons: [] }).error?.issues[0]?.message).toBe('add at least one button');
    expect(parse({ buttons: [...buttons, ...buttons] }).error?.issues[0]?.message).toBe(
      'a message holds at most 3 buttons: send a list for more',
    );
    expect(parse({ buttons: [{ id: 'a', title: 'x'.repeat(21) }] }).error?.issues[0]?.message).toBe(
      'a button title holds at most 20 characters',
    );
    expect(parse({ body: 'x'.repeat(1025) }).error?.issues[0]?.message).toMatch(/at most 1024 characters/);
    expect(parse({ header: 'x'.repeat(61) }).error?.issues[0]?.message).toBe('a header holds at most 60 characters');
    expect(parse({ footer: 'x'.repeat(61) }).error?.issues[0]?.message).toBe('a footer holds at most 60 characters');
  });

  it('sends the buttons with variables filled in, and moves on without waiting', () => {
    const definition = definitionOf(
      {
        offer: {
          type: 'send_buttons',
          options: options({ header: 'Booking', footer: '{{empty}}' }),
          next: { next: 'after' },
        },
        after: { type: 'send_text', options: { text: 'moved on' }, next: {} },
      },
      'offer',
    );
    const r = new TestConversation(definition, undefined, { name: 'Thandi' }).say('hi');
    expect(r.outputs).toEqual([
      { kind: 'buttons', body: 'Hi Thandi, shall we book?', header: 'Booking', buttons },
      { kind: 'text', text: 'moved on' },
    ]);
    expect(r.state.ended).toEqual({ outcome: 'completed' });
  });

  it('has one port and does not wait', () => {
    expect(sendButtons.ports(options()).map((p) => p.id)).toEqual(['next']);
    expect(sendButtons.waits(options())).toBe(false);
  });

  it('reports duplicate ids and titles, and unknown variables', () => {
    expect(sendButtons.check?.(options(), checkContextWith(['name']))).toEqual([]);
    const twins = [
      { id: 'yes', title: 'Yes' },
      { id: 'yes', title: 'YES ' },
    ];
    expect(sendButtons.check?.(options({ buttons: twins }), checkContextWith())).toEqual([
      { field: 'body', message: '{{name}}: "name" is never set: declare it, or set it in an earlier node' },
      { field: 'buttons.1.id', message: 'two buttons have the id "yes"' },
      { field: 'buttons.1.title', message: 'two buttons have the same title: the customer could not tell them apart' },
    ]);
  });
});
