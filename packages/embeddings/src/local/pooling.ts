import { l2Normalize } from '../vectors.ts';

/**
 * Sentence vectors from the model's token states [batch, tokens, dims]: the mean over the real tokens (padding
 * masked out), scaled to unit length — sentence-transformers' pooling for all-MiniLM-L6-v2.
 */
export function meanPool(hidden: Float32Array, lengths: number[], tokens: number, dims: number): Float32Array[] {
  return lengths.map((length, row) => {
    const vector = new Float32Array(dims);
    for (let t = 0; t < length; t++) {
      const offset = (row * tokens + t) * dims;
      for (let d = 0; d < dims; d++) vector[d] = vector[d]! + hidden[offset + d]!;
    }
    for (let d = 0; d < dims; d++) vector[d] = vector[d]! / Math.max(length, 1);
    return l2Normalize(vector);
  });
}
