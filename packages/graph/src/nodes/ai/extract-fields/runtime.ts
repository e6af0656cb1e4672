import type { NodeRuntime } from '../../../node-runtime.ts';
import type { VarValue } from '../../../variables.ts';
import { effectStep, effectValue } from '../../effect-step.ts';
import type { ExtractedType, ExtractFieldsOptions } from './schema.ts';

/** Reads the fields from the text and saves each one found; fields not found keep their value. */
export const extractFieldsRuntime: NodeRuntime<ExtractFieldsOptions> = {
  enter(ctx, options) {
    const text = ctx.interpolate(options.text).trim();
    if (text === '') return { kind: 'continue', port: 'next' };
    const fields = options.fields.map((f) => ({ name: f.variable, type: f.type, description: f.description }));
    return effectStep('extract_fields', { text, fields }, options);
  },
  complete(ctx, { fields }, result) {
    const { values } = effectValue(result);
    const found = typeof values === 'object' && values !== null && !Array.isArray(values) ? values : {};
    for (const f of fields) {
      const value = found[f.variable];
      if (value !== undefined && fits(value, f.type)) ctx.set(f.variable, value);
    }
    return { kind: 'continue', port: 'next' };
  },
};

function fits(value: VarValue, type: ExtractedType): boolean {
  if (type === 'number') return typeof value === 'number';
  if (type === 'boolean') return typeof value === 'boolean';
  return typeof value === 'string' && value !== '';
}
