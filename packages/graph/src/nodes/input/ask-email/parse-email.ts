const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/;

/** Punctuation people put around an address in a sentence: "it's <ann@example.com>." */
const WRAPPING = /^[<("'[]+|[>)"'\],;:.!?]+$/g;

/**
 * The one email address in the message, lower-cased, or null. Pragmatic: a dotted domain with a top-level name of
 * two letters or more, no spaces, at most 254 characters — no attempt at RFC 5322's quoted forms. A message with two
 * addresses is ambiguous, so it is not an answer.
 */
export function parseEmail(text: string): string | null {
  const found = text
    .split(/\s+/)
    .map((word) =>
      word
        .replace(WRAPPING, '')
        .replace(/^mailto:/i, '')
        .toLowerCase(),
    )
    .filter((word) => word.length <= 254 && EMAIL.test(word));
  return found.length === 1 ? (found[0] ?? null) : null;
}
