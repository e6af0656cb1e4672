import { describe, expect, it } from 'vitest';
import { checkContextOf, definitionOf, said, saying, TestConversation } from '../../../testing.ts';
import type { VariableDecl } from '../../../variables.ts';
import { saveToProfile } from './index.ts';

const variables: VariableDecl[] = [
  { name: 'answer', scope: 'conversation', type: 'string' },
  { name: 'age_answer', scope: 'conversation', type: 'string' },
  { name: 'city', scope: 'contact', type: 'string' },
  { name: 'age', scope: 'contact', type: 'json' },
];

function conversation(fields: unknown) {
  const definition = definitionOf(
    {
      test: {
        type: 'save_to_profile',
        options: saveToProfile.options.parse({ fields }),
        next: { next: 'done', error: 'oops' },
      },
      done: saying('saved {{contact.city}}'),
      oops: saying('error'),
    },
    'test',
    { variables },
  );
  return new TestConversation(definition, undefined, { answer: ' Durban ', age_answer: '42' });
}

describe('save_to_profile', () => {
  const message = (options: unknown) => saveToProfile.options.safeParse(options).error?.issues[0]?.message;

  it('treats values as templates unless told otherwise, and rejects bad field names', () => {
    expect(saveToProfile.options.parse({ fields: [{ field: 'city', value: '{{answer}}' }] }).fields[0]).toEqual({
      field: 'city',
      value: '{{answer}}',
      asExpression: false,
    });
    expect(message({ fields: [] })).toBe('add at least one field to save');
    expect(message({ fields: [{ field: 'contact.city', value: 'x' }] })).toBe(
      'a profile field name uses letters, digits and _, e.g. city or first_name',
    );
  });

  it('saves templates and expressions to the profile, reported as profile changes', () => {
    const c = conversation([
      { field: 'city', value: '{{answer}}' },
      { field: 'age', value: 'int(age_answer)', asExpression: true },
    ]);
    expect(said(c.say('hi'))).toEqual(['saved  Durban ']);
    expect(c.state.vars).toMatchObject({ 'contact.city': ' Durban ', 'contact.age': 42 });
    expect(c.last?.profileChanges).toEqual({ city: ' Durban ', age: 42 });
  });

  it('leaves through error when an expression fails', () => {
    const c = conversation([{ field: 'age', value: 'int(answer)', asExpression: true }]);
    expect(said(c.say('hi'))).toEqual(['error']);
    expect(c.last?.profileChanges).toEqual({});
  });

  it('declares contact fields it writes', () => {
    const options = saveToProfile.options.parse({
      fields: [
        { field: 'city', value: '{{answer}}' },
        { field: 'age', value: '1', asExpression: true },
      ],
    });
    expect(saveToProfile.writes?.(options)).toEqual([
      { path: 'contact.city', type: 'string' },
      { path: 'contact.age', type: 'json' },
    ]);
    expect(saveToProfile.ports(options).map((p) => p.id)).toEqual(['next', 'error']);
  });

  it('checks templates and expressions against the declared variables', () => {
    const ctx = checkContextOf(definitionOf({}, 'x', { variables }));
    const options = saveToProfile.options.parse({
      fields: [
        { field: 'city', value: '{{town}}' },
        { field: 'age', value: 'years + 1', asExpression: true },
      ],
    });
    expect(saveToProfile.check?.(options, ctx)).toEqual([
      { field: 'fields.0.value', message: '{{town}}: "town" is never set: declare it, or set it in an earlier node' },
      { field: 'fields.1.value', message: '"years" is not a declared variable' },
    ]);
  });
});
