import { STOP_WORDS } from './stop-words.ts';

/** The words of a text that carry meaning: lower case, accents dropped, stop words and single letters left out. */
export function contentWords(text: string): Set<string> {
  const words = foldAccents(text.toLowerCase()).match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(words.filter((word) => (word.length > 1 || /\p{N}/u.test(word)) && !STOP_WORDS.has(word)));
}

/**
 * How many of the question's words the sentence holds. A word matches its inflections by prefix ("price" and
 * "prices", "open" and "opening"), which is enough for short questions without a stemmer for every language.
 */
export function overlap(questionWords: Set<string>, sentenceWords: Set<string>): number {
  let count = 0;
  for (const word of questionWords) {
    if (sentenceWords.has(word) || [...sentenceWords].some((other) => sameStem(word, other))) count++;
  }
  return count;
}

function sameStem(a: string, b: string): boolean {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (!longer.startsWith(shorter)) return false;
  // Short words only take a plural ("dog", "dogs"): "car" must not match "card", nor "pet" "petrol".
  if (shorter.length === 3) return longer === `${shorter}s` || longer === `${shorter}es`;
  return shorter.length >= 4 && longer.length - shorter.length <= 3;
}

function foldAccents(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '');
}
