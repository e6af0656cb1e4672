/**
 * A database schema reduced to what the Prisma data model and PostgreSQL can both describe, so the two can be
 * compared: tables, columns (PostgreSQL type as `format_type` prints it, nullability), keys, indexes and enums.
 */
export type ReferentialAction = 'Cascade' | 'Restrict' | 'NoAction' | 'SetNull' | 'SetDefault';

export interface ColumnShape {
  type: string;
  nullable: boolean;
}

export interface IndexShape {
  /** Known on the database side only: Prisma's DMMF does not carry index names. */
  name?: string;
  columns: string[];
}

export interface ForeignKeyShape {
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}

export interface TableShape {
  columns: Record<string, ColumnShape>;
  primaryKey: string[];
  uniques: IndexShape[];
  indexes: IndexShape[];
  foreignKeys: ForeignKeyShape[];
}

export interface SchemaShape {
  tables: Record<string, TableShape>;
  enums: Record<string, string[]>;
}

/** Database objects the data model does not know about on purpose, each with the reason. */
export interface DriftAllowances {
  /** Keyed `table.column`. */
  columns?: Record<string, string>;
  /** Keyed by index name. */
  indexes?: Record<string, string>;
  tables?: Record<string, string>;
}

/** Every disagreement between the data model and the database, as sentences; empty when they agree. */
export function compareSchemas(model: SchemaShape, database: SchemaShape, allow: DriftAllowances = {}): string[] {
  const problems: string[] = [];
  for (const [name, expected] of Object.entries(model.tables)) {
    const actual = database.tables[name];
    if (actual) problems.push(...compareTables(name, expected, actual, allow));
    else problems.push(`table ${name} is missing from the database`);
  }
  for (const name of Object.keys(database.tables)) {
    if (!model.tables[name] && !allow.tables?.[name]) problems.push(`table ${name} is not in the data model`);
  }
  problems.push(...compareEnums(model.enums, database.enums));
  return problems;
}

function compareTables(table: string, model: TableShape, database: TableShape, allow: DriftAllowances): string[] {
  const problems: string[] = [];
  for (const [name, expected] of Object.entries(model.columns)) {
    const actual = database.columns[name];
    if (!actual) problems.push(`column ${table}.${name} is missing from the database`);
    else if (actual.type !== expected.type) {
      problems.push(`column ${table}.${name} is ${actual.type} in the database, ${expected.type} in the model`);
    } else if (actual.nullable !== expected.nullable) {
      problems.push(
        `column ${table}.${name} is ${nullability(actual)} in the database, ${nullability(expected)} in the model`,
      );
    }
  }
  for (const name of Object.keys(database.columns)) {
    if (!model.columns[name] && !allow.columns?.[`${table}.${name}`]) {
      problems.push(`column ${table}.${name} is not in the data model`);
    }
  }
  if (model.primaryKey.join() !== database.primaryKey.join()) {
    problems.push(
      `primary key of ${table} is (${database.primaryKey.join()}) in the database, (${model.primaryKey.join()}) in the model`,
    );
  }
  const visible = (indexes: IndexShape[]) => indexes.filter((index) => !(index.name && allow.indexes?.[index.name]));
  problems.push(
    ...compareSets(
      `unique index on ${table}`,
      model.uniques.map(columnList),
      visible(database.uniques).map(columnList),
    ),
  );
  problems.push(
    ...compareSets(`index on ${table}`, model.indexes.map(columnList), visible(database.indexes).map(columnList)),
  );
  problems.push(
    ...compareSets(
      `foreign key ${table}`,
      model.foreignKeys.map(describeForeignKey),
      database.foreignKeys.map(describeForeignKey),
    ),
  );
  return problems;
}

function compareEnums(model: Record<string, string[]>, database: Record<string, string[]>): string[] {
  const problems: string[] = [];
  for (const [name, values] of Object.entries(model)) {
    const actual = database[name];
    if (!actual) problems.push(`enum ${name} is missing from the database`);
    else if (actual.join() !== values.join()) {
      problems.push(`enum ${name} is (${actual.join(', ')}) in the database, (${values.join(', ')}) in the model`);
    }
  }
  for (const name of Object.keys(database)) if (!model[name]) problems.push(`enum ${name} is not in the data model`);
  return problems;
}

function compareSets(what: string, model: string[], database: string[]): string[] {
  return [
    ...model.filter((item) => !database.includes(item)).map((item) => `${what} ${item} is missing from the database`),
    ...database.filter((item) => !model.includes(item)).map((item) => `${what} ${item} is not in the data model`),
  ];
}

const columnList = (index: IndexShape) => `(${index.columns.join(', ')})`;
const nullability = (column: ColumnShape) => (column.nullable ? 'nullable' : 'NOT NULL');
const describeForeignKey = (key: ForeignKeyShape) =>
  `(${key.columns.join(', ')}) -> ${key.referencedTable}(${key.referencedColumns.join(', ')}) ` +
  `ON DELETE ${key.onDelete} ON UPDATE ${key.onUpdate}`;
