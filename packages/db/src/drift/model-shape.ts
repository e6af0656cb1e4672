import { readFile } from 'node:fs/promises';
import schemaWasm from '@prisma/prisma-schema-wasm';
import type { ColumnShape, ForeignKeyShape, ReferentialAction, SchemaShape, TableShape } from './schema-shape.ts';
import { unsupportedFields } from './unsupported-fields.ts';

/** The parts of Prisma's DMMF read here. */
interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'object' | 'enum' | 'unsupported';
  type: string;
  isList: boolean;
  isRequired: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: ReferentialAction;
  relationOnUpdate?: ReferentialAction;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  fields: { name: string }[];
}
interface DmmfEnum {
  name: string;
  dbName?: string | null;
  values: { name: string; dbName?: string | null }[];
}
interface Dmmf {
  datamodel: { models: DmmfModel[]; enums: DmmfEnum[]; indexes: DmmfIndex[] };
}

/** The schema that schema.prisma describes, as PostgreSQL would show it once migrated. */
export async function modelSchemaShape(schemaPath: string): Promise<SchemaShape> {
  const source = await readFile(schemaPath, 'utf8');
  const dmmf = JSON.parse(schemaWasm.get_dmmf(JSON.stringify({ prismaSchema: [[schemaPath, source]] }))) as Dmmf;
  const { models, enums, indexes } = dmmf.datamodel;
  const enumTypes = new Map(enums.map((e) => [e.name, e.dbName ?? e.name]));
  const modelsByName = new Map(models.map((model) => [model.name, model]));
  const unsupported = unsupportedFields(source);

  const tables: Record<string, TableShape> = {};
  for (const model of models) {
    const columns: Record<string, ColumnShape> = {};
    for (const field of model.fields) {
      if (field.kind === 'object') continue;
      const type = columnType(field, enumTypes);
      columns[columnName(model, field.name)] = { type: field.isList ? `${type}[]` : type, nullable: !field.isRequired };
    }
    // The DMMF leaves out Unsupported("...") fields; the schema text still declares them.
    for (const field of unsupported.get(model.name) ?? []) {
      columns[field.column] = { type: field.type, nullable: field.nullable };
    }
    const modelIndexes = indexes.filter((index) => index.model === model.name);
    const columnsOf = (index: DmmfIndex) => index.fields.map((field) => columnName(model, field.name));
    tables[model.dbName ?? model.name] = {
      columns,
      primaryKey: modelIndexes.filter((index) => index.type === 'id').flatMap(columnsOf),
      uniques: modelIndexes.filter((index) => index.type === 'unique').map((index) => ({ columns: columnsOf(index) })),
      indexes: modelIndexes.filter((index) => index.type === 'normal').map((index) => ({ columns: columnsOf(index) })),
      foreignKeys: model.fields.flatMap((field) => foreignKey(model, field, modelsByName)),
    };
  }
  const enumShapes = Object.fromEntries(
    enums.map((e) => [e.dbName ?? e.name, e.values.map((value) => value.dbName ?? value.name)]),
  );
  return { tables, enums: enumShapes };
}

function foreignKey(model: DmmfModel, field: DmmfField, models: Map<string, DmmfModel>): ForeignKeyShape[] {
  const from = field.relationFromFields ?? [];
  const target = models.get(field.type);
  if (field.kind !== 'object' || from.length === 0 || !target) return [];
  const optional = from.some((name) => model.fields.find((f) => f.name === name)?.isRequired === false);
  return [
    {
      columns: from.map((name) => columnName(model, name)),
      referencedTable: target.dbName ?? target.name,
      referencedColumns: (field.relationToFields ?? []).map((name) => columnName(target, name)),
      // Prisma's defaults when the schema names no action.
      onDelete: field.relationOnDelete ?? (optional ? 'SetNull' : 'Restrict'),
      onUpdate: field.relationOnUpdate ?? 'Cascade',
    },
  ];
}

function columnName(model: DmmfModel, fieldName: string): string {
  const field = model.fields.find((f) => f.name === fieldName);
  return field?.dbName ?? fieldName;
}

const SCALAR_TYPES: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Float: 'double precision',
  Decimal: 'numeric(65,30)',
  Boolean: 'boolean',
  DateTime: 'timestamp(3) without time zone',
  Json: 'jsonb',
  Bytes: 'bytea',
};

const withArgs = (base: string, args: string[], suffix = '') =>
  args.length > 0 ? `${base}(${args.join(',')})${suffix}` : `${base}${suffix}`;

const NATIVE_TYPES: Record<string, (args: string[]) => string> = {
  Text: () => 'text',
  VarChar: (args) => withArgs('character varying', args),
  Char: (args) => withArgs('character', args),
  Uuid: () => 'uuid',
  SmallInt: () => 'smallint',
  Integer: () => 'integer',
  BigInt: () => 'bigint',
  Real: () => 'real',
  DoublePrecision: () => 'double precision',
  Decimal: (args) => withArgs('numeric', args),
  Boolean: () => 'boolean',
  Date: () => 'date',
  Timestamp: (args) => withArgs('timestamp', args, ' without time zone'),
  Timestamptz: (args) => withArgs('timestamp', args, ' with time zone'),
  Json: () => 'json',
  JsonB: () => 'jsonb',
  ByteA: () => 'bytea',
};

function columnType(field: DmmfField, enumTypes: Map<string, string>): string {
  if (field.kind === 'enum') return enumTypes.get(field.type) ?? field.type;
  if (field.nativeType) {
    const [name, args] = field.nativeType;
    const render = NATIVE_TYPES[name];
    if (!render) throw new Error(`drift check: teach model-shape.ts the PostgreSQL type of @db.${name}`);
    return render(args);
  }
  const type = SCALAR_TYPES[field.type];
  if (!type) throw new Error(`drift check: teach model-shape.ts the PostgreSQL type of ${field.type}`);
  return type;
}
