/**
 * Progress as owners see it: parsing is quick and counts for the first 10 %, embedding (nearly all of the time)
 * for the rest, by chunks embedded; 100 only once the document answers questions.
 */
export const PARSED_PERCENT = 10;

export function embeddingProgress(embedded: number, total: number): number {
  if (total === 0) return 99;
  return Math.min(99, PARSED_PERCENT + Math.floor(((100 - PARSED_PERCENT) * embedded) / total));
}
