export interface UnsupportedField {
  field: string;
  column: string;
  /** The type as written in `Unsupported("...")`, e.g. vector(384). */
  type: string;
  nullable: boolean;
}

const MODEL_BLOCK = /^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm;
const UNSUPPORTED_FIELD = /^\s*(\w+)\s+Unsupported\("([^"]+)"\)(\?)?(.*)$/gm;
const MAP_ATTRIBUTE = /@map\("([^"]+)"\)/;

/**
 * `Unsupported("...")` fields by model name, read from the schema source: Prisma's DMMF omits them, yet they are
 * part of the data model and of every migration Prisma generates.
 */
export function unsupportedFields(schemaSource: string): Map<string, UnsupportedField[]> {
  const byModel = new Map<string, UnsupportedField[]>();
  for (const [, model = '', body = ''] of schemaSource.matchAll(MODEL_BLOCK)) {
    const fields = [...body.matchAll(UNSUPPORTED_FIELD)].map(([, field = '', type = '', optional, rest = '']) => ({
      field,
      column: MAP_ATTRIBUTE.exec(rest)?.[1] ?? field,
      type,
      nullable: optional === '?',
    }));
    if (fields.length > 0) byModel.set(model, fields);
  }
  return byModel;
}
