import { describe, expect, it } from 'vitest';
import { DEMO_BOT } from '../demo-bot.ts';
import { canonicalJson, contentHash } from './index.ts';

describe('contentHash', () => {
  it('ignores key order and undefined fields, and changes with any option', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"x":1,"y":2}]},"b":1}',
    );
    const reordered = reverseKeys(DEMO_BOT) as typeof DEMO_BOT;
    expect(Object.keys(reordered)).toEqual(Object.keys(DEMO_BOT).reverse());
    expect(contentHash(reordered)).toBe(contentHash(DEMO_BOT));
    const edited = structuredClone(DEMO_BOT);
    edited.settings.sessionTimeoutSeconds += 1;
    expect(contentHash(edited)).not.toBe(contentHash(DEMO_BOT));
    expect(contentHash(DEMO_BOT)).toMatch(/^[0-9a-f]{64}$/);
  });
});

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reverseKeys(v)]),
  );
}
