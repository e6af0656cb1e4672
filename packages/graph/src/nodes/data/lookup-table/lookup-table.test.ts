import { describe, expect, it } from 'vitest';
import { checkContextOf, definitionOf, said, saying, TestConversation } from '../../../testing.ts';
import type { VariableDecl } from '../../../variables.ts';
import { lookupTable } from './index.ts';

const variables: VariableDecl[] = [
  { name: 'code', scope: 'conversation', type: 'string' },
  { name: 'price', scope: 'conversation', type: 'string' },
];

const table = {
  columns: ['Code', 'Name', 'Price'],
  rows: [
    ['A1', 'Single room', '650'],
    ['B2', 'Double room', '900'],
  ],
  key: '{{code}}',
  column: 'code',
  outputs: [
    { column: 'name', variable: 'room' },
    { column: 'Price', variable: 'price' },
  ],
};

function lookUp(code: string, options: Record<string, unknown> = {}) {
  const definition = definitionOf(
    {
      test: {
        type: 'lookup_table',
        options: lookupTable.options.parse({ ...table, ...options }),
        next: { found: 'found', not_found: 'missing', error: 'oops' },
      },
      found: saying('{{room}} costs {{price}}'),
      missing: saying('not found'),
      oops: saying('error'),
    },
    'test',
    { variables },
  );
  return said(new TestConversation(definition, undefined, { code }).say('hi'));
}

describe('lookup_table', () => {
  const message = (options: unknown) => lookupTable.options.safeParse(options).error?.issues[0]?.message;

  it('applies defaults and rejects malformed tables', () => {
    const parsed = lookupTable.options.parse({ ...table, outputs: undefined });
    expect(parsed).toMatchObject({ asExpression: false, outputs: [] });
    expect(message({ ...table, rows: [['A1', 'Single room']] })).toBe('row 1 has 2 cells but the table has 3 columns');
    expect(message({ ...table, columns: ['Code', 'code ', 'Price'] })).toBe('two columns have the same name');
    expect(message({ ...table, rows: Array.from({ length: 1001 }, () => ['a', 'b', 'c']) })).toBe(
      'a table holds at most 1000 rows',
    );
  });

  it('finds a row ignoring case and spaces, and copies its cells', () => {
    expect(lookUp('b2')).toEqual(['Double room costs 900']);
    expect(lookUp('  A1 ')).toEqual(['Single room costs 650']);
  });

  it('leaves through not_found when no row matches or the key is empty', () => {
    expect(lookUp('C3')).toEqual(['not found']);
    expect(lookUp('')).toEqual(['not found']);
  });

  it('looks up the value of an expression', () => {
    expect(lookUp('b', { key: 'code + "2"', asExpression: true })).toEqual(['Double room costs 900']);
    expect(lookUp('b', { key: 'code + 2', asExpression: true })).toEqual(['error']);
  });

  it('has an error port only for an expression, and declares its outputs', () => {
    const parsed = lookupTable.options.parse(table);
    expect(lookupTable.ports(parsed).map((p) => p.id)).toEqual(['found', 'not_found']);
    expect(lookupTable.ports({ ...parsed, asExpression: true }).map((p) => p.id)).toEqual([
      'found',
      'not_found',
      'error',
    ]);
    expect(lookupTable.writes?.(parsed)).toEqual([
      { path: 'room', type: 'string' },
      { path: 'price', type: 'string' },
    ]);
  });

  it('checks columns, variables and the key', () => {
    const ctx = checkContextOf(definitionOf({}, 'x', { variables }));
    const options = {
      ...lookupTable.options.parse(table),
      key: '{{sku}}',
      column: 'SKU',
      outputs: [
        { column: 'Colour', variable: 'colour' },
        { column: 'Price', variable: 'system.now' },
      ],
    };
    expect(lookupTable.check?.(options, ctx)).toEqual([
      { field: 'key', message: '{{sku}}: "sku" is never set: declare it, or set it in an earlier node' },
      { field: 'column', message: 'the table has no column "SKU"' },
      { field: 'outputs.0.column', message: 'the table has no column "Colour"' },
      { field: 'outputs.1.variable', message: 'system.now is read-only' },
    ]);
  });
});
