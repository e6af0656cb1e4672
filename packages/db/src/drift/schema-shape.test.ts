import { describe, expect, it } from 'vitest';
import { compareSchemas, type SchemaShape, type TableShape } from './schema-shape.ts';

function table(overrides: Partial<TableShape> = {}): TableShape {
  return {
    columns: { id: { type: 'text', nullable: false }, org_id: { type: 'text', nullable: false } },
    primaryKey: ['id'],
    uniques: [],
    indexes: [{ columns: ['org_id'] }],
    foreignKeys: [
      {
        columns: ['org_id'],
        referencedTable: 'orgs',
        referencedColumns: ['id'],
        onDelete: 'Cascade',
        onUpdate: 'Cascade',
      },
    ],
    ...overrides,
  };
}

const model: SchemaShape = { tables: { bots: table() }, enums: { role: ['owner', 'viewer'] } };

describe('compareSchemas', () => {
  it('finds nothing when both sides agree, whatever the database names its indexes', () => {
    const database = {
      ...model,
      tables: { bots: table({ indexes: [{ name: 'bots_org_id_idx', columns: ['org_id'] }] }) },
    };
    expect(compareSchemas(model, database)).toEqual([]);
  });

  it('reports a field added to the model without a migration', () => {
    const ahead = table();
    ahead.columns.name = { type: 'text', nullable: false };
    const problems = compareSchemas({ ...model, tables: { bots: ahead } }, model);
    expect(problems).toEqual(['column bots.name is missing from the database']);
  });

  it('reports a changed referential action and a changed primary key', () => {
    const database = table({
      primaryKey: ['id', 'org_id'],
      foreignKeys: [
        {
          columns: ['org_id'],
          referencedTable: 'orgs',
          referencedColumns: ['id'],
          onDelete: 'Restrict',
          onUpdate: 'Cascade',
        },
      ],
    });
    expect(compareSchemas(model, { ...model, tables: { bots: database } })).toEqual([
      'primary key of bots is (id,org_id) in the database, (id) in the model',
      'foreign key bots (org_id) -> orgs(id) ON DELETE Cascade ON UPDATE Cascade is missing from the database',
      'foreign key bots (org_id) -> orgs(id) ON DELETE Restrict ON UPDATE Cascade is not in the data model',
    ]);
  });

  it('accepts only the database-only objects it is told about', () => {
    const database = table({ indexes: [{ columns: ['org_id'] }, { name: 'bots_search_idx', columns: ['tsv'] }] });
    database.columns.tsv = { type: 'tsvector', nullable: true };
    const withExtras = { tables: { bots: database, audit: table() }, enums: { ...model.enums, mood: ['ok'] } };

    expect(compareSchemas(model, withExtras)).toEqual([
      'column bots.tsv is not in the data model',
      'index on bots (tsv) is not in the data model',
      'table audit is not in the data model',
      'enum mood is not in the data model',
    ]);
    const allowed = { columns: { 'bots.tsv': 'r' }, indexes: { bots_search_idx: 'r' }, tables: { audit: 'r' } };
    expect(compareSchemas(model, withExtras, allowed)).toEqual(['enum mood is not in the data model']);
  });
});
