import { describe, expect, it } from 'vitest';
import { definitionOf, said, TestConversation } from '../../../testing.ts';
import { returnNode } from './index.ts';

describe('return', () => {
  it('takes no options and has no ports', () => {
    expect(returnNode.options.parse({})).toEqual({});
    expect(returnNode.ports({})).toEqual([]);
  });

  it('goes back to the innermost caller', () => {
    const definition = definitionOf(
      {
        outer: { type: 'call_flow', options: { entry: 'inner_call' }, next: { next: 'done' } },
        inner_call: { type: 'call_flow', options: { entry: 'deep' }, next: { next: 'inner_back' } },
        deep: { type: 'send_text', options: { text: 'deep' }, next: { next: 'deep_back' } },
        deep_back: { type: 'return', options: {}, next: {} },
        inner_back: { type: 'return', options: {}, next: {} },
        done: { type: 'send_text', options: { text: 'done' }, next: {} },
      },
      'outer',
    );
    expect(said(new TestConversation(definition).say('hi'))).toEqual(['deep', 'done']);
  });

  it('ends the conversation outside a sub-flow', () => {
    const definition = definitionOf({ test: { type: 'return', options: {}, next: {} } }, 'test');
    const c = new TestConversation(definition);
    c.say('hi');
    expect(c.state.ended).toEqual({ outcome: 'completed' });
  });
});
