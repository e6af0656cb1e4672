import { describe, expect, it } from 'vitest';
import type { NodeSpec } from '../../../definition.ts';
import { checkContextOf, definitionOf, said, TestConversation } from '../../../testing.ts';
import { callFlow } from './index.ts';

const text = (t: string, next?: string): NodeSpec => ({
  type: 'send_text',
  options: { text: t },
  next: next ? { next } : {},
});

const definition = definitionOf(
  {
    test: { type: 'call_flow', options: { entry: 'sub' }, next: { next: 'again' } },
    again: { type: 'call_flow', options: { entry: 'sub' }, next: { next: 'after' } },
    after: text('main flow goes on'),
    sub: text('in the sub-flow', 'back'),
    back: { type: 'return', options: {}, next: {} },
  },
  'test',
);

describe('call_flow', () => {
  it('needs an entry', () => {
    expect(callFlow.options.safeParse({}).error?.issues[0]?.message).toMatch(/expected string/);
  });

  it('runs the sub-flow and comes back through next, as often as it is called', () => {
    const c = new TestConversation(definition);
    expect(said(c.say('hi'))).toEqual(['in the sub-flow', 'in the sub-flow', 'main flow goes on']);
    expect(c.state.ended).toEqual({ outcome: 'completed' });
    expect(c.state.callStack).toEqual([]);
  });

  it('keeps the caller while the sub-flow waits for the customer', () => {
    const waiting = definitionOf(
      {
        test: { type: 'call_flow', options: { entry: 'ask' }, next: { next: 'after' } },
        ask: { type: 'ask_text', options: { prompt: 'Your city?', variable: 'city' }, next: { next: 'back' } },
        back: { type: 'return', options: {}, next: {} },
        after: text('Thanks, {{city}} it is'),
      },
      'test',
    );
    const c = new TestConversation(waiting);
    expect(said(c.say('hi'))).toEqual(['Your city?']);
    expect(said(c.say('Durban'))).toEqual(['Thanks, Durban it is']);
  });

  it('names its entry for reachability and checks it exists', () => {
    expect(callFlow.ports({ entry: 'sub' }).map((p) => p.id)).toEqual(['next']);
    expect(callFlow.targets?.({ entry: 'sub' })).toEqual(['sub']);
    const ctx = checkContextOf(definition);
    expect(callFlow.check?.({ entry: 'sub' }, ctx)).toEqual([]);
    expect(callFlow.check?.({ entry: 'nowhere' }, ctx)).toEqual([
      { field: 'entry', message: 'there is no node "nowhere" in this flow' },
    ]);
  });
});
