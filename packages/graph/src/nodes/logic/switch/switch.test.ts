import { describe, expect, it } from 'vitest';
import { checkContextOf, definitionOf, said, saying, TestConversation } from '../../../testing.ts';
import type { VariableDecl } from '../../../variables.ts';
import { switchNode } from './index.ts';

const variables: VariableDecl[] = [{ name: 'age', scope: 'conversation', type: 'number' }];
const cases = [
  { id: 'child', expression: 'age < 13' },
  { id: 'teen', expression: 'age < 20' },
];

function run(age: unknown, options: { cases: { id: string; expression: string }[] } = { cases }) {
  const definition = definitionOf(
    {
      test: {
        type: 'switch',
        options,
        next: { child: 'child', teen: 'teen', default: 'other', error: 'oops' },
      },
      child: saying('child'),
      teen: saying('teen'),
      other: saying('default'),
      oops: saying('error'),
    },
    'test',
    { variables },
  );
  return said(new TestConversation(definition, undefined, { age: age as number }).say('hi'));
}

describe('switch', () => {
  it('rejects no cases and reserved or malformed ids', () => {
    const message = (options: unknown) => switchNode.options.safeParse(options).error?.issues[0]?.message;
    expect(message({ cases: [] })).toBe('add at least one case');
    expect(message({ cases: [{ id: 'error', expression: 'true' }] })).toBe(
      '"error" is the port for a failing expression',
    );
    expect(message({ cases: [{ id: 'Big One', expression: 'true' }] })).toBe(
      'a case id is a short lower-case name such as adult',
    );
  });

  it('takes the first case that is true, else default', () => {
    expect(run(8)).toEqual(['child']);
    expect(run(15)).toEqual(['teen']);
    expect(run(40)).toEqual(['default']);
  });

  it('leaves through error when a case does not give true or false', () => {
    expect(run(40, { cases: [{ id: 'child', expression: 'age + 1' }] })).toEqual(['error']);
    expect(run('x', { cases })).toEqual(['error']);
  });

  it('has a port per case, then default and error', () => {
    expect(switchNode.ports({ cases }).map((p) => p.id)).toEqual(['child', 'teen', 'default', 'error']);
  });

  it('checks case ids and expressions', () => {
    const ctx = checkContextOf(definitionOf({}, 'x', { variables }));
    const problems = switchNode.check?.(
      {
        cases: [
          { id: 'a', expression: 'age > 1' },
          { id: 'a', expression: 'height > 1' },
          { id: 'default', expression: 'true' },
        ],
      },
      ctx,
    );
    expect(problems).toEqual([
      { field: 'cases.1.id', message: 'two cases are called "a"' },
      { field: 'cases.2.id', message: '"default" is the port for anything else' },
      { field: 'cases.1.expression', message: '"height" is not a declared variable' },
    ]);
  });
});
