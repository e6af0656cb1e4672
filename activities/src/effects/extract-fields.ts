import type { VarValue } from '@botflow/graph';
import type { FieldRequest, FieldType, LanguageModel } from './ai/language-model.ts';
import { invalidInput, list, text, type EffectInput } from './input.ts';

const FIELD_TYPES = new Set<string>(['string', 'number', 'boolean', 'email', 'phone', 'date']);

/** The extract_fields node's call: `{values}` by field name, each of its field's type or null when not found. */
export function createExtractFields(model: LanguageModel) {
  return async function extractFields(input: EffectInput): Promise<VarValue> {
    const fields = list(input, 'fields').map(fieldRequest);
    const found = await model.extract({ text: text(input, 'text'), fields });
    return { values: Object.fromEntries(fields.map((f) => [f.name, typed(found[f.name], f.type)])) };
  };
}

function fieldRequest(field: Record<string, VarValue>): FieldRequest {
  const type = text(field, 'type');
  if (!FIELD_TYPES.has(type)) throw invalidInput(`"${type}" is not a kind of field`);
  return { name: text(field, 'name'), type: type as FieldType, description: text(field, 'description') };
}

/** What a model gives is not trusted to match the field's type: a value that does not is treated as not found. */
function typed(value: VarValue | undefined, type: FieldType): VarValue {
  if (type === 'number') {
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    return typeof n === 'number' && Number.isFinite(n) ? n : null;
  }
  if (type === 'boolean') return typeof value === 'boolean' ? value : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const s = value.trim();
  if (type === 'email') return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s) ? s : null;
  if (type === 'phone') return /^\+?[\d ().-]{7,}$/.test(s) ? s : null;
  if (type === 'date') return /^\d{4}-\d{2}-\d{2}/.test(s) ? s : null;
  return s;
}
