import { l2Normalize } from '../vectors.ts';

// Deterministic stand-in embeddings: the normalised sum of one pseudo-random vector per word, plus a small one for the
// whole text. Texts sharing words land close together, so retrieval tests can rank with them; identical texts get
// identical vectors.
export function fakeEmbedding(text: string, dimensions: number): Float32Array {
  const vector = new Float32Array(dimensions);
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) addRandom(vector, word, 1);
  addRandom(vector, `\u0000${text}`, 0.1);
  return l2Normalize(vector);
}

function addRandom(vector: Float32Array, seedText: string, weight: number): void {
  let state = fnv1a(seedText);
  for (let i = 0; i < vector.length; i++) {
    // mulberry32
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    const uniform = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    vector[i] = vector[i]! + weight * (uniform * 2 - 1);
  }
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
