import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBox, secretBoxFromConfig } from './secret-box.ts';

const key = (id: string) => ({ id, key: randomBytes(32) });

describe('SecretBox', () => {
  it('round-trips and never stores the plaintext', () => {
    const box = new SecretBox(key('k1'));
    const sealed = box.seal('EAAG-token', 'channel-1');
    expect(sealed.toString('latin1')).not.toContain('EAAG-token');
    expect(box.open(sealed, 'channel-1')).toBe('EAAG-token');
  });

  it('refuses a ciphertext moved to another row or tampered with', () => {
    const box = new SecretBox(key('k1'));
    const sealed = box.seal('secret', 'channel-1');
    expect(() => box.open(sealed, 'channel-2')).toThrow();
    sealed[sealed.length - 1]! ^= 1;
    expect(() => box.open(sealed, 'channel-1')).toThrow();
  });

  it('reads ciphertexts of a previous key after rotation and flags them for re-sealing', () => {
    const old = key('2025');
    const sealedWithOld = new SecretBox(old).seal('secret');
    const rotated = new SecretBox(key('2026'), [old]);
    expect(rotated.open(sealedWithOld)).toBe('secret');
    expect(rotated.needsRotation(sealedWithOld)).toBe(true);
    expect(rotated.needsRotation(rotated.seal('secret'))).toBe(false);
    expect(() => new SecretBox(key('2027')).open(sealedWithOld)).toThrow(/key "2025"/);
  });

  it('reads keys from config and rejects bad ones', () => {
    const b64 = randomBytes(32).toString('base64');
    expect(secretBoxFromConfig(`a:${b64}`).open(secretBoxFromConfig(`a:${b64}`).seal('x'))).toBe('x');
    expect(() => secretBoxFromConfig('nonsense')).toThrow(/id:base64key/);
    expect(() => secretBoxFromConfig(`a:${randomBytes(16).toString('base64')}`)).toThrow(/32 bytes/);
  });
});
