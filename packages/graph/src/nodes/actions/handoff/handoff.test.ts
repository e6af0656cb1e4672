import { describe, expect, it } from 'vitest';
import { checkContextOf, definitionOf, said, saying, TestConversation } from '../../../testing.ts';
import { handoff } from './index.ts';

function conversation(options: Record<string, unknown>) {
  const definition = definitionOf(
    {
      human: { type: 'handoff', options: handoff.options.parse(options), next: { next: 'back' } },
      back: saying('the bot is back'),
    },
    'human',
  );
  return new TestConversation(definition);
}

describe('handoff', () => {
  it('has a default message and needs a reason', () => {
    expect(handoff.options.parse({ reason: 'refund' }).message).toBe('A person from our team will reply here shortly.');
    const result = handoff.options.safeParse({ reason: '' });
    expect(result.error?.issues[0]?.message).toBe(
      'say why a person should take over, e.g. customer asked for a person',
    );
  });

  it('tells the customer, hands over, stays silent, and goes on through next when released', () => {
    const c = conversation({ reason: 'asked for {{contact.name}}' });
    expect(said(c.say('I want a person'))).toEqual(['A person from our team will reply here shortly.']);
    expect(c.state.handoff).toEqual({ node: 'human', reason: 'asked for ' });
    expect(said(c.say('hello?'))).toEqual([]);
    expect(said(c.release())).toEqual(['the bot is back']);
    expect(c.state.handoff).toBeNull();
  });

  it('says nothing when the message is empty', () => {
    const c = conversation({ reason: 'refund', message: '' });
    expect(said(c.say('hi'))).toEqual([]);
    expect(c.state.handoff?.reason).toBe('refund');
  });

  it('waits, leaves through next, and checks its templates', () => {
    const o = handoff.options.parse({ reason: 'refund for {{order}}' });
    expect(handoff.waits(o)).toBe(true);
    expect(handoff.ports(o).map((p) => p.id)).toEqual(['next']);
    expect(handoff.check?.(o, checkContextOf(definitionOf({}, 'x')))).toEqual([
      { field: 'reason', message: '{{order}}: "order" is never set: declare it, or set it in an earlier node' },
    ]);
  });
});
