export type CountTokens = (text: string) => number;

/**
 * The default when no tokenizer is given: one token per punctuation mark and one per started 6 letters of a word,
 * which is what a WordPiece vocabulary (all-MiniLM-L6-v2's) spends on English prose and slightly more than it spends
 * on common words, so chunks sized by it stay within the model's limit. Pass the real tokenizer where it's loaded.
 */
export function estimateTokens(text: string): number {
  let tokens = 0;
  for (const match of text.matchAll(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu)) {
    tokens += match[0].length > 1 && /[\p{L}\p{N}]/u.test(match[0]) ? Math.ceil(match[0].length / 6) : 1;
  }
  return tokens;
}

/** Adapts @botflow/embeddings' MiniLmTokenizer (or anything with countTokens) to chunkDocument's countTokens. */
export function tokenCounter(tokenizer: { countTokens(text: string): number }): CountTokens {
  return (text) => tokenizer.countTokens(text);
}
