import { describe, expect, it } from 'vitest';
import { checkContextOf, definitionOf, said, saying, TestConversation } from '../../../testing.ts';
import type { VariableDecl } from '../../../variables.ts';
import { setVariable } from './index.ts';
import type { SetVariableOptions } from './schema.ts';

const variables: VariableDecl[] = [
  { name: 'price', scope: 'conversation', type: 'number' },
  { name: 'quantity', scope: 'conversation', type: 'number' },
  { name: 'total', scope: 'conversation', type: 'number' },
  { name: 'summary', scope: 'conversation', type: 'string' },
  { name: 'city', scope: 'contact', type: 'string' },
];

function conversation(assignments: SetVariableOptions['assignments']) {
  const definition = definitionOf(
    {
      test: { type: 'set_variable', options: { assignments }, next: { next: 'done', error: 'oops' } },
      done: saying('total {{total}}, {{summary}}'),
      oops: saying('error'),
    },
    'test',
    { variables },
  );
  return new TestConversation(definition, undefined, { price: 12.5, quantity: 2 });
}

describe('set_variable', () => {
  it('rejects an empty list and bad variable names', () => {
    const message = (options: unknown) => setVariable.options.safeParse(options).error?.issues[0]?.message;
    expect(message({ assignments: [] })).toBe('add at least one variable to set');
    expect(message({ assignments: [{ variable: 'my total', expression: '1' }] })).toMatch(/letters, digits and _/);
  });

  it('sets variables in order, later ones seeing earlier ones, and contact fields as profile changes', () => {
    const c = conversation([
      { variable: 'total', expression: 'price * quantity' },
      { variable: 'summary', expression: 'string(quantity) + " for " + string(total)' },
      { variable: 'contact.city', expression: '"Durban"' },
    ]);
    expect(said(c.say('hi'))).toEqual(['total 25, 2 for 25']);
    expect(c.state.vars).toMatchObject({ total: 25, summary: '2 for 25', 'contact.city': 'Durban' });
    expect(c.last?.profileChanges).toEqual({ city: 'Durban' });
  });

  it('leaves through error when an expression fails or gives the wrong type', () => {
    const failing = conversation([{ variable: 'total', expression: 'price + "x"' }]);
    expect(said(failing.say('hi'))).toEqual(['error']);

    const wrongType = conversation([
      { variable: 'total', expression: 'price * 2' },
      { variable: 'summary', expression: 'price', type: 'string' },
    ]);
    expect(said(wrongType.say('hi'))).toEqual(['error']);
    expect(wrongType.state.lastError?.message).toBe('summary: price gave 12.5, not a string');
    expect(wrongType.state.vars['total']).toBe(25);
  });

  it('declares what it writes, json unless a type is given', () => {
    const writes = setVariable.writes?.({
      assignments: [
        { variable: 'total', expression: '1' },
        { variable: 'contact.city', expression: '"x"', type: 'string' },
      ],
    });
    expect(writes).toEqual([
      { path: 'total', type: 'json' },
      { path: 'contact.city', type: 'string' },
    ]);
  });

  it('checks targets and expressions', () => {
    const ctx = checkContextOf(definitionOf({}, 'x', { variables }));
    const problems = setVariable.check?.(
      {
        assignments: [
          { variable: 'total', expression: 'price * quantity' },
          { variable: 'system.now', expression: 'weight * 2' },
        ],
      },
      ctx,
    );
    expect(problems).toEqual([
      { field: 'assignments.1.variable', message: 'system.now is read-only' },
      { field: 'assignments.1.expression', message: '"weight" is not a declared variable' },
    ]);
  });
});
