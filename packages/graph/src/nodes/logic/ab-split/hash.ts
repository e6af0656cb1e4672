/**
 * FNV-1a (32-bit) followed by MurmurHash3's final mix: deterministic, no node:crypto (this runs inside the workflow),
 * and the mix spreads keys that differ only in their last digits over the whole range.
 */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A number in [0, 1) that is always the same for the same text. */
export function stableFraction(text: string): number {
  return stableHash(text) / 0x1_0000_0000;
}
