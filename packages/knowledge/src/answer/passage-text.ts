import { splitSentences } from '../ingest/sentences.ts';

/** A sentence (or table row) of a passage; `line` tells which line of the passage it sits on. */
export interface Sentence {
  text: string;
  line: number;
}

/**
 * The passage's own words without the "Title — Heading › Subheading" line and blank line that chunkDocument puts
 * before the text it embeds, in case the stored content is that text: a first single line with no closing
 * punctuation followed by a blank line.
 */
export function withoutChunkPrefix(content: string): string {
  const match = /^([^\n]*)\n\s*\n/.exec(content);
  if (!match || /[.!?。؟:;]\s*$/u.test(match[1]!)) return content.trim();
  return content.slice(match[0].length).trim();
}

/** The passage's sentences line by line, leaving out the "Heading › Subheading" lines of merged subsections. */
export function sentencesOf(content: string): Sentence[] {
  return withoutChunkPrefix(content)
    .split('\n')
    .flatMap((line, index) =>
      line.includes(' › ') ? [] : splitSentences(line).map((text) => ({ text, line: index })),
    );
}
