import { describe, expect, it } from 'vitest';
import { checkContextWith, definitionOf, said, TestConversation } from '../../../testing.ts';
import { sendTemplate } from './index.ts';

const options = (extra: Record<string, unknown> = {}) =>
  sendTemplate.options.parse({ name: 'booking_reminder', language: 'en_US', ...extra });

function send(extra: Record<string, unknown>, vars: Record<string, string> = {}) {
  const definition = definitionOf(
    {
      remind: { type: 'send_template', options: options(extra), next: { error: 'failed' } },
      failed: { type: 'send_text', options: { text: 'could not send' }, next: {} },
    },
    'remind',
  );
  return new TestConversation(definition, undefined, vars).say('hi');
}

describe('send_template', () => {
  it("follows Meta's naming rules", () => {
    expect(options().bodyParameters).toEqual([]);
    const parse = (extra: Record<string, unknown>) => sendTemplate.options.safeParse({ ...options(), ...extra });
    expect(parse({ name: 'Booking Reminder' }).error?.issues[0]?.message).toBe(
      'a template name uses only lower-case letters, digits and _, as in WhatsApp Manager',
    );
    expect(parse({ name: 'x'.repeat(513) }).error?.issues[0]?.message).toBe(
      'a template name holds at most 512 characters',
    );
    expect(parse({ language: 'pt_BR' }).success).toBe(true);
    expect(parse({ language: 'en' }).success).toBe(true);
    expect(parse({ language: 'english' }).error?.issues[0]?.message).toBe('a language code such as en, en_US or pt_BR');
    expect(parse({ bodyParameters: [''] }).error?.issues[0]?.message).toBe('a parameter cannot be empty');
  });

  it('sends the template with its parameters filled in', () => {
    const r = send({ bodyParameters: ['{{name}}', '{{day}} at 10:00'] }, { name: 'Thandi', day: 'Friday' });
    expect(r.outputs).toEqual([
      { kind: 'template', name: 'booking_reminder', language: 'en_US', bodyParameters: ['Thandi', 'Friday at 10:00'] },
    ]);
    expect(r.state.ended).toEqual({ outcome: 'completed' });
  });

  it('leaves through error when a parameter comes out empty', () => {
    const r = send({ bodyParameters: ['{{name}}', '{{day}}'] }, { name: 'Thandi' });
    expect(said(r)).toEqual(['could not send']);
    expect(r.state.lastError?.message).toBe('template "booking_reminder": parameter {{2}} came out empty');
  });

  it('has next and error ports, and reports unknown variables per parameter', () => {
    expect(sendTemplate.ports(options()).map((p) => p.id)).toEqual(['next', 'error']);
    expect(
      sendTemplate.check?.(options({ bodyParameters: ['{{name}}', '{{when}}'] }), checkContextWith(['name'])),
    ).toEqual([
      { field: 'bodyParameters.1', message: '{{when}}: "when" is never set: declare it, or set it in an earlier node' },
    ]);
  });
});
