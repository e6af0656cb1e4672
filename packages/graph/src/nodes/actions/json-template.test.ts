import { describe, expect, it } from 'vitest';
import type { VarValue } from '../../variables.ts';
import { interpolateJson, jsonTemplateProblem, looksLikeJson } from './json-template.ts';

const vars: Record<string, VarValue> = { name: 'Sam "the man"\n', age: 42, tags: ['a', 'b'], vip: true };
const lookup = (path: string) => vars[path];

describe('interpolateJson', () => {
  it('escapes values inside strings and inserts JSON values outside them', () => {
    const filled = interpolateJson(
      '{"greeting": "Hi {{name}}!", "age": {{age}}, "tags": {{ tags }}, "vip": {{vip}}}',
      lookup,
    );
    expect(JSON.parse(filled)).toEqual({ greeting: 'Hi Sam "the man"\n!', age: 42, tags: ['a', 'b'], vip: true });
  });

  it('inserts null for an unset variable outside a string and nothing inside one', () => {
    expect(JSON.parse(interpolateJson('{"a": {{missing}}, "b": "x{{missing}}"}', lookup))).toEqual({ a: null, b: 'x' });
  });

  it('is not fooled by escaped quotes', () => {
    expect(JSON.parse(interpolateJson('{"a": "say \\"{{age}}\\"", "b": {{age}}}', lookup))).toEqual({
      a: 'say "42"',
      b: 42,
    });
  });
});

describe('JSON templates', () => {
  it('tells JSON bodies from plain text', () => {
    expect(looksLikeJson('  {"a": 1}')).toBe(true);
    expect(looksLikeJson('[1]')).toBe(true);
    expect(looksLikeJson('name={{name}}')).toBe(false);
  });

  it('says when a template is not valid JSON', () => {
    expect(jsonTemplateProblem('{"a": {{age}}, "b": "{{name}}"}')).toBeNull();
    expect(jsonTemplateProblem('{"a": }')).toMatch(/^this is not valid JSON/);
  });
});
