import { describe, expect, it } from 'vitest';
import { checkContextOf, definitionOf, said, saying, TestConversation } from '../../../testing.ts';
import { extractFields } from './index.ts';

const fields = [
  { variable: 'contact.email', type: 'email', description: 'their e-mail' },
  { variable: 'people', type: 'number', description: 'how many people' },
  { variable: 'note', type: 'string' },
];

function conversation(options: Record<string, unknown> = {}) {
  const definition = definitionOf(
    {
      extract: {
        type: 'extract_fields',
        options: extractFields.options.parse({ fields, ...options }),
        next: { next: 'after', error: 'oops' },
      },
      after: saying('after'),
      oops: saying('failed'),
    },
    'extract',
  );
  return new TestConversation(definition, undefined, { note: 'kept' });
}

describe('extract_fields', () => {
  it('fills in defaults and rejects unknown kinds', () => {
    expect(extractFields.options.parse({ fields: [{ variable: 'x' }] })).toMatchObject({
      text: '{{last_message}}',
      fields: [{ variable: 'x', type: 'string', description: '' }],
    });
    expect(extractFields.options.safeParse({ fields: [] }).error?.issues[0]?.message).toBe('add at least one field');
    expect(extractFields.options.safeParse({ fields: [{ variable: 'x', type: 'colour' }] }).success).toBe(false);
  });

  it('asks for the fields by variable name', () => {
    expect(conversation().say('sam@example.com, 4 of us').effect).toMatchObject({
      type: 'extract_fields',
      input: {
        text: 'sam@example.com, 4 of us',
        fields: [
          { name: 'contact.email', type: 'email', description: 'their e-mail' },
          { name: 'people', type: 'number', description: 'how many people' },
          { name: 'note', type: 'string', description: '' },
        ],
      },
    });
  });

  it('saves the fields found, keeping the others', () => {
    const c = conversation();
    c.say('sam@example.com, 4 of us');
    const result = c.complete({
      ok: true,
      value: { values: { 'contact.email': 'sam@example.com', people: 4, note: null } },
    });
    expect(said(result)).toEqual(['after']);
    expect(c.state.vars).toMatchObject({ 'contact.email': 'sam@example.com', people: 4, note: 'kept' });
    expect(result.profileChanges).toEqual({ email: 'sam@example.com' });
  });

  it('ignores values of the wrong kind', () => {
    const c = conversation();
    c.say('four of us');
    c.complete({ ok: true, value: { values: { people: 'four' } } });
    expect(c.state.vars).not.toHaveProperty('people');
  });

  it('does not ask about an empty text, and leaves through error on failure', () => {
    const empty = conversation().say('');
    expect(empty.effect).toBeNull();
    expect(said(empty)).toEqual(['after']);
    const c = conversation();
    c.say('hi');
    expect(said(c.complete({ ok: false, error: 'down' }))).toEqual(['failed']);
  });

  it('declares what it writes and checks for fields saved twice', () => {
    const o = extractFields.options.parse({ text: 'hi', fields: [...fields, { variable: 'people', type: 'number' }] });
    expect(extractFields.writes?.(o)).toEqual([
      { path: 'contact.email', type: 'string' },
      { path: 'people', type: 'number' },
      { path: 'note', type: 'string' },
      { path: 'people', type: 'number' },
    ]);
    expect(extractFields.check?.(o, checkContextOf(definitionOf({}, 'x')))).toEqual([
      { field: 'fields.3.variable', message: 'two fields are saved in "people"' },
    ]);
    expect(extractFields.ports(o).map((p) => p.id)).toEqual(['next', 'error']);
  });
});
