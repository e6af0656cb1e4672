import { describe, expect, it } from 'vitest';
import { cosine, floatsFromBase64, floatsToBase64, l2Normalize } from './vectors.ts';

describe('vectors', () => {
  it('round-trips float32 through base64 as the OpenAI wire format encodes it', () => {
    const vector = Float32Array.from([0.5, -1.25, 3.0e-8, 1e10]);
    expect(floatsToBase64(vector)).toBe(Buffer.from(vector.buffer).toString('base64'));
    expect(floatsFromBase64(floatsToBase64(vector))).toEqual(vector);
  });

  it('rejects base64 that is not whole float32s', () => {
    expect(() => floatsFromBase64(Buffer.from([1, 2, 3]).toString('base64'))).toThrow(/not float32/);
  });

  it('normalises and compares', () => {
    const v = l2Normalize(Float32Array.from([3, 4]));
    expect(Array.from(v)).toEqual([expect.closeTo(0.6, 6), expect.closeTo(0.8, 6)]);
    expect(cosine(v, Float32Array.from([6, 8]))).toBeCloseTo(1, 6);
    expect(cosine(v, Float32Array.from([-4, 3]))).toBeCloseTo(0, 6);
    expect(cosine(v, new Float32Array(2))).toBe(0);
  });
});
