import { describe, expect, it } from 'vitest';
import { fuse, fusedScore } from './fusion.ts';

describe('fusedScore', () => {
  it('is 1 for a chunk first in both lists and 0 for one in neither', () => {
    expect(fusedScore({ denseRank: 1, lexicalRank: 1 })).toBeCloseTo(1);
    expect(fusedScore({ denseRank: null, lexicalRank: null })).toBe(0);
  });

  it('lets the dense rank dominate a lexical match', () => {
    const secondByMeaningFirstByWords = fusedScore({ denseRank: 2, lexicalRank: 1 });
    expect(secondByMeaningFirstByWords).toBeGreaterThan(fusedScore({ denseRank: 1, lexicalRank: null }));
    expect(fusedScore({ denseRank: 4, lexicalRank: 1 })).toBeLessThan(fusedScore({ denseRank: 1, lexicalRank: null }));
    expect(fusedScore({ denseRank: null, lexicalRank: 1 })).toBeLessThan(
      fusedScore({ denseRank: 20, lexicalRank: null }),
    );
  });
});

describe('fuse', () => {
  it('orders by score, ties going to the better dense rank', () => {
    const weights = { dense: 1, lexical: 1, k: 10 };
    const order = fuse(
      [
        { name: 'words only', denseRank: null, lexicalRank: 1 },
        { name: 'both', denseRank: 2, lexicalRank: 2 },
        { name: 'meaning only', denseRank: 1, lexicalRank: null },
      ],
      weights,
    ).map(({ candidate }) => candidate.name);
    expect(order).toEqual(['both', 'meaning only', 'words only']);
  });
});
