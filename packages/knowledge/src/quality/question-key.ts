/**
 * The form under which the same question asked twice is counted once: lower case, accents and punctuation dropped,
 * spaces collapsed. "Do you open on Sundays?" and "do you open on sundays" share a key.
 */
export function questionKey(question: string): string {
  return question
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .slice(0, 500);
}
