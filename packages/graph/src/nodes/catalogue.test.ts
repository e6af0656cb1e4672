import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NODE_CATALOGUE } from './catalogue.ts';
import { NODE_RUNTIMES } from './runtime-registry.ts';

describe('node catalogue', () => {
  it('lists each type once, with the same runtime the engine uses', () => {
    const types = NODE_CATALOGUE.map((t) => t.type);
    expect(new Set(types).size).toBe(types.length);
    expect(Object.keys(NODE_RUNTIMES).sort()).toEqual([...types].sort());
    for (const t of NODE_CATALOGUE) expect(NODE_RUNTIMES[t.type]).toBe(t.runtime);
  });

  it('gives the editor a JSON Schema form for every type', () => {
    for (const t of NODE_CATALOGUE) {
      const schema = z.toJSONSchema(t.options, { io: 'input', unrepresentable: 'any' });
      expect(schema, t.type).toMatchObject({ type: 'object' });
      expect(t.label.length, t.type).toBeGreaterThan(0);
    }
  });
});
