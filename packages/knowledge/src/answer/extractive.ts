import { contentWords, overlap } from './content-words.ts';
import { cutToLength, shortTitle } from './limits.ts';
import { sentencesOf, type Sentence } from './passage-text.ts';
import type { AnswerLabels, Citation, Passage } from './types.ts';

/** At most this many sentences are quoted: a quotation should read as the answer, not as the document. */
const MAX_QUOTED_SENTENCES = 3;

export interface Quotation {
  answer: string;
  citations: Citation[];
}

interface Candidate {
  passage: Passage;
  sentences: Sentence[];
  scores: number[];
}

/**
 * Quotes the sentences of one passage that share the most words with the question, in their original order, marked
 * as a quotation with the document's title. The passage is the one holding the best-scoring sentence (the earlier
 * passage on a tie); when no sentence shares a word with the question, the opening sentences of the first passage.
 * The whole message stays within maxChars.
 */
export function quoteAnswer(question: string, passages: Passage[], maxChars: number, labels: AnswerLabels): Quotation {
  const questionWords = contentWords(question);
  const candidates: Candidate[] = passages
    .map((passage) => {
      const sentences = sentencesOf(passage.content);
      return { passage, sentences, scores: sentences.map((s) => overlap(questionWords, contentWords(s.text))) };
    })
    .filter((candidate) => candidate.sentences.length > 0);
  const best = candidates.reduce<Candidate | undefined>(
    (winner, candidate) => (winner && topScore(winner) >= topScore(candidate) ? winner : candidate),
    undefined,
  );
  if (!best) return { answer: '', citations: [] };

  const { passage } = best;
  const header = `${labels.quotedFrom} “${shortTitle(passage.documentTitle)}”:\n`;
  const room = maxChars - header.length - 2;
  const chosen = chooseSentences(best.sentences, best.scores, room);
  const answer = `${header}“${cutToLength(joinSentences(best.sentences, chosen), room)}”`;
  const { chunkId, documentId, documentTitle } = passage;
  return { answer, citations: [{ n: 1, documentId, documentTitle, chunkId }] };
}

function topScore(candidate: Candidate): number {
  return Math.max(...candidate.scores);
}

/** Indexes of the sentences to quote, best first while they fit; the first one is kept even if it must be cut. */
function chooseSentences(sentences: Sentence[], scores: number[], room: number): number[] {
  const indexes = sentences.map((_, i) => i);
  const ranked = indexes.some((i) => scores[i]! > 0)
    ? indexes.filter((i) => scores[i]! > 0).sort((a, b) => scores[b]! - scores[a]! || a - b)
    : indexes;
  const chosen: number[] = [];
  let used = 0;
  for (const i of ranked.slice(0, MAX_QUOTED_SENTENCES)) {
    const cost = sentences[i]!.text.length + (chosen.length > 0 ? 3 : 0);
    if (chosen.length > 0 && used + cost > room) break;
    chosen.push(i);
    used += cost;
  }
  return chosen.sort((a, b) => a - b);
}

/** Neighbouring sentences join as in the passage; a gap between quoted sentences is shown as " … ". */
function joinSentences(sentences: Sentence[], chosen: number[]): string {
  return chosen
    .map((index, k) => {
      const text = sentences[index]!.text;
      if (k === 0) return text;
      const previous = chosen[k - 1]!;
      if (previous !== index - 1) return ` … ${text}`;
      return sentences[previous]!.line === sentences[index]!.line ? ` ${text}` : `\n${text}`;
    })
    .join('');
}
