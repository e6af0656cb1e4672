import pg from 'pg';
import type { ReferentialAction, SchemaShape, TableShape } from './schema-shape.ts';

const COLUMNS = `
  SELECT c.relname AS "table", a.attname AS "column", format_type(a.atttypid, a.atttypmod) AS type,
         NOT a.attnotnull AS nullable
  FROM pg_attribute a
  JOIN pg_class c ON c.oid = a.attrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
  ORDER BY c.relname, a.attnum`;

// Expression index keys (attnum 0) show as "(expression)".
const INDEXES = `
  SELECT t.relname AS "table", i.relname AS name, x.indisprimary AS "primary", x.indisunique AS "unique",
         ARRAY(SELECT coalesce(a.attname::text, '(expression)')
               FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, position)
               LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
               ORDER BY k.position) AS columns
  FROM pg_index x
  JOIN pg_class i ON i.oid = x.indexrelid
  JOIN pg_class t ON t.oid = x.indrelid
  JOIN pg_namespace n ON n.oid = t.relnamespace
  WHERE n.nspname = current_schema()`;

const FOREIGN_KEYS = `
  SELECT t.relname AS "table", r.relname AS "referencedTable", c.confdeltype AS "onDelete", c.confupdtype AS "onUpdate",
         ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, position)
               JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.position) AS columns,
         ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, position)
               JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.position)
           AS "referencedColumns"
  FROM pg_constraint c
  JOIN pg_class t ON t.oid = c.conrelid
  JOIN pg_class r ON r.oid = c.confrelid
  JOIN pg_namespace n ON n.oid = t.relnamespace
  WHERE c.contype = 'f' AND n.nspname = current_schema()`;

const ENUMS = `
  SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
  FROM pg_type t
  JOIN pg_enum e ON e.enumtypid = t.oid
  JOIN pg_namespace n ON n.oid = t.typnamespace
  WHERE n.nspname = current_schema()
  GROUP BY t.typname`;

const ACTIONS: Record<string, ReferentialAction> = {
  a: 'NoAction',
  r: 'Restrict',
  c: 'Cascade',
  n: 'SetNull',
  d: 'SetDefault',
};

interface ColumnRow {
  table: string;
  column: string;
  type: string;
  nullable: boolean;
}
interface IndexRow {
  table: string;
  name: string;
  primary: boolean;
  unique: boolean;
  columns: string[];
}
interface ForeignKeyRow {
  table: string;
  referencedTable: string;
  onDelete: string;
  onUpdate: string;
  columns: string[];
  referencedColumns: string[];
}
interface EnumRow {
  name: string;
  values: string[];
}

/** The schema of the database's current schema (search_path), read from the PostgreSQL catalogs. */
export async function databaseSchemaShape(connectionString: string): Promise<SchemaShape> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const columns = (await client.query<ColumnRow>(COLUMNS)).rows;
    const indexes = (await client.query<IndexRow>(INDEXES)).rows;
    const foreignKeys = (await client.query<ForeignKeyRow>(FOREIGN_KEYS)).rows;
    const enums = (await client.query<EnumRow>(ENUMS)).rows;

    const tables: Record<string, TableShape> = {};
    const table = (name: string) =>
      (tables[name] ??= { columns: {}, primaryKey: [], uniques: [], indexes: [], foreignKeys: [] });
    for (const row of columns) table(row.table).columns[row.column] = { type: row.type, nullable: row.nullable };
    for (const row of indexes) {
      const shape = table(row.table);
      if (row.primary) shape.primaryKey = row.columns;
      else (row.unique ? shape.uniques : shape.indexes).push({ name: row.name, columns: row.columns });
    }
    for (const row of foreignKeys) {
      table(row.table).foreignKeys.push({
        columns: row.columns,
        referencedTable: row.referencedTable,
        referencedColumns: row.referencedColumns,
        onDelete: ACTIONS[row.onDelete] ?? 'NoAction',
        onUpdate: ACTIONS[row.onUpdate] ?? 'NoAction',
      });
    }
    return { tables, enums: Object.fromEntries(enums.map((row) => [row.name, row.values])) };
  } finally {
    await client.end();
  }
}
