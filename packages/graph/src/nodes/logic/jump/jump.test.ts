import { describe, expect, it } from 'vitest';
import { checkContextOf, definitionOf, said, saying, TestConversation } from '../../../testing.ts';
import { jump } from './index.ts';

const definition = definitionOf(
  {
    start: { type: 'send_text', options: { text: 'one' }, next: { next: 'test' } },
    test: { type: 'jump', options: { target: 'menu' }, next: {} },
    menu: saying('menu'),
  },
  'start',
);

describe('jump', () => {
  it('needs a target', () => {
    expect(jump.options.safeParse({ target: '' }).error?.issues[0]?.message).toBe('choose a node');
  });

  it('continues at its target without an edge', () => {
    expect(said(new TestConversation(definition).say('hi'))).toEqual(['one', 'menu']);
  });

  it('has no ports and names its target for reachability', () => {
    expect(jump.ports({ target: 'menu' })).toEqual([]);
    expect(jump.targets?.({ target: 'menu' })).toEqual(['menu']);
  });

  it('checks that the target exists', () => {
    const ctx = checkContextOf(definition);
    expect(jump.check?.({ target: 'menu' }, ctx)).toEqual([]);
    expect(jump.check?.({ target: 'gone' }, ctx)).toEqual([
      { field: 'target', message: 'there is no node "gone" in this flow' },
    ]);
  });
});
