import { describe, expect, it } from 'vitest';
import { deriveApiToken, hashApiToken, newApiToken } from './api-tokens.ts';

describe('API tokens', () => {
  it('are long random bf_ strings, stored as their sha256', () => {
    const [a, b] = [newApiToken(), newApiToken()];
    expect(a).toMatch(/^bf_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(hashApiToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiToken(a)).toBe(hashApiToken(a));
  });

  it('derive the same token from the same secret and purpose, and another from anything else', () => {
    const token = deriveApiToken('local:key', 'demo:org_demo');
    expect(token).toMatch(/^bf_/);
    expect(deriveApiToken('local:key', 'demo:org_demo')).toBe(token);
    expect(deriveApiToken('local:other', 'demo:org_demo')).not.toBe(token);
    expect(deriveApiToken('local:key', 'demo:org_other')).not.toBe(token);
  });
});
