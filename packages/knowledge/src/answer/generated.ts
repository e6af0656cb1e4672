import { cutToLength, shortTitle, WHATSAPP_TEXT_LIMIT } from './limits.ts';
import { NO_ANSWER } from './prompt.ts';
import type { Citation, Passage } from './types.ts';

/** "[1]", "[2, 3]", "[2][3]": a group of passage numbers as the model writes them. */
const CITATION_GROUP = /\s*\[\s*(\d{1,4}(?:\s*[,;]\s*\d{1,4})*)\s*\]/g;

export interface GeneratedAnswer {
  answer: string;
  citations: Citation[];
}

/**
 * Turns the model's reply into the message to send, or null when it is not a grounded answer: empty, holding the
 * NO_ANSWER sentinel (even beside other text, since a hedged refusal is not an answer), or citing no passage it was
 * given. Citations of passages that do not exist are dropped; the rest are renumbered by document, in the order the
 * answer cites them, to match a "Sources: 1. title, 2. title" line under the answer. The message stays within
 * WhatsApp's limit, the answer being cut at a word boundary when needed.
 */
export function readModelReply(
  reply: string,
  passages: Passage[],
  labels: { sources: string },
): GeneratedAnswer | null {
  const trimmed = reply.trim();
  if (trimmed === '' || trimmed.includes(NO_ANSWER)) return null;

  const room = WHATSAPP_TEXT_LIMIT - sourcesLine(passages, labels.sources).length - 2;
  const text = cutToLength(trimmed, room).replace(/\s*\[[\d\s,;]*…?$/, '');
  const sourceNumbers = new Map<string, number>();
  const citations: Citation[] = [];
  const cite = (passage: Passage): number => {
    let n = sourceNumbers.get(passage.documentId);
    if (n === undefined) {
      n = sourceNumbers.size + 1;
      sourceNumbers.set(passage.documentId, n);
    }
    if (!citations.some((c) => c.chunkId === passage.chunkId)) {
      const { documentId, documentTitle, chunkId } = passage;
      citations.push({ n, documentId, documentTitle, chunkId });
    }
    return n;
  };
  const answer = text
    .replace(CITATION_GROUP, (group: string, numbers: string) => {
      const cited = numbers
        .split(/[,;]/)
        .map((number) => passages[Number(number.trim()) - 1])
        .filter((passage) => passage !== undefined)
        .map(cite);
      if (cited.length === 0) return '';
      const leadingSpace = /^\s/.test(group) ? ' ' : '';
      return `${leadingSpace}${[...new Set(cited)].map((n) => `[${n}]`).join('')}`;
    })
    .replace(/(\[\d+\])(?:\s*\1)+/g, '$1')
    .replace(/[ \t]+([.,;:!?])/g, '$1')
    .trim();
  if (citations.length === 0 || answer === '') return null;

  const cited = [...new Map(citations.map((c) => [c.documentId, c.documentTitle])).values()];
  return { answer: `${answer}\n\n${formatSources(cited, labels.sources)}`, citations };
}

/** The sources line naming every given passage's document: the most room the line under an answer can take. */
function sourcesLine(passages: Passage[], label: string): string {
  const titles = new Map(passages.map((p) => [p.documentId, p.documentTitle]));
  return formatSources([...titles.values()], label);
}

function formatSources(titles: string[], label: string): string {
  return `${label}: ${titles.map((title, i) => `${i + 1}. ${shortTitle(title)}`).join(', ')}`;
}
