import { describe, expect, it } from 'vitest';
import { DEMO_BOT } from '../demo-bot.ts';
import { canonicalJson, contentHash } from './content-hash.ts';

describe('contentHash', () => {
  it('ignores key order and undefined fields, and changes with any option', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"x":1,"y":2}]},"b":1}',
    );
    const reordered = JSON.parse(JSON.stringify(DEMO_BOT, Object.keys(DEMO_BOT).reverse())) as typeof DEMO_BOT;
    expect(contentHash(reordered)).toBe(contentHash(DEMO_BOT));
    const edited = structuredClone(DEMO_BOT);
    edited.settings.sessionTimeoutSeconds += 1;
    expect(contentHash(edited)).not.toBe(contentHash(DEMO_BOT));
    expect(contentHash(DEMO_BOT)).toMatch(/^[0-9a-f]{64}$/);
  });
});
