import { describe, expect, it } from 'vitest';
import { checkContextOf, definitionOf, said, saying, TestConversation } from '../../../testing.ts';
import type { VariableDecl } from '../../../variables.ts';
import { condition } from './index.ts';

const variables: VariableDecl[] = [
  { name: 'age', scope: 'conversation', type: 'number' },
  { name: 'name', scope: 'conversation', type: 'string' },
];

function conversation(expression: string, vars = {}) {
  const definition = definitionOf(
    {
      test: { type: 'condition', options: { expression }, next: { true: 'yes', false: 'no', error: 'oops' } },
      yes: saying('true'),
      no: saying('false'),
      oops: saying('error'),
    },
    'test',
    { variables },
  );
  return new TestConversation(definition, undefined, vars);
}

describe('condition', () => {
  it('rejects an empty expression', () => {
    const result = condition.options.safeParse({ expression: '' });
    expect(result.error?.issues[0]?.message).toBe('write the condition to test');
  });

  it('leaves through true or false', () => {
    expect(said(conversation('age >= 18', { age: 20 }).say('hi'))).toEqual(['true']);
    expect(said(conversation('age >= 18', { age: 12 }).say('hi'))).toEqual(['false']);
    expect(said(conversation('age >= 18').say('hi'))).toEqual(['false']);
  });

  it('leaves through error when the expression fails or is not true or false', () => {
    const failing = conversation('name.size() > int(age)', { name: 'Sam', age: 'x' });
    expect(said(failing.say('hi'))).toEqual(['error']);
    expect(failing.state.lastError?.node).toBe('test');

    const notBoolean = conversation('name + "!"', { name: 'Sam' });
    expect(said(notBoolean.say('hi'))).toEqual(['error']);
    expect(notBoolean.state.lastError?.message).toBe('name + "!": gave "Sam!", not true or false');
  });

  it('checks the expression against the declared variables', () => {
    const ctx = checkContextOf(definitionOf({}, 'x', { variables }));
    expect(condition.check?.({ expression: 'age > 3' }, ctx)).toEqual([]);
    expect(condition.check?.({ expression: 'height > 3' }, ctx)).toEqual([
      { field: 'expression', message: '"height" is not a declared variable' },
    ]);
  });

  it('has the ports true, false and error', () => {
    expect(condition.ports({ expression: 'true' }).map((p) => p.id)).toEqual(['true', 'false', 'error']);
  });
});
