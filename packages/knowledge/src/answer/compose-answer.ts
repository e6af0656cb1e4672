import { quoteAnswer } from './extractive.ts';
import { readModelReply } from './generated.ts';
import { DEFAULT_MAX_ANSWER_CHARS, WHATSAPP_TEXT_LIMIT } from './limits.ts';
import { answerPrompt } from './prompt.ts';
import type { AnswerLabels, ComposeAnswerInput, ComposedAnswer } from './types.ts';

export const DEFAULT_LABELS: AnswerLabels = { sources: 'Sources', quotedFrom: 'From' };

/** The shortest maxAnswerChars accepted: room for a quotation header and a sentence. */
export const MIN_ANSWER_CHARS = 100;

/**
 * A grounded WhatsApp answer to the question from the retrieved passages, or mode 'none' (answer '') when they do not
 * hold one, for the caller to say its own fallback and record the question as unanswered.
 *
 * Nothing is answered unless the most similar passage reaches minSimilarity. With a model, the model writes the answer
 * from every passage given, citing them (see readModelReply for when its reply counts as grounded). Without one, or
 * when the model's call throws, the answer quotes the passages at or above minSimilarity (see quoteAnswer): a model
 * outage should not silence the bot when the documents hold the answer, and `modelError` tells the caller to log it.
 * Deterministic given the model's reply: no clock, no randomness, no I/O besides the model.
 */
export async function composeAnswer(input: ComposeAnswerInput): Promise<ComposedAnswer> {
  const { question, minSimilarity, model, maxAnswerChars = DEFAULT_MAX_ANSWER_CHARS } = input;
  if (!(minSimilarity >= 0 && minSimilarity <= 1)) throw new RangeError('minSimilarity must be from 0 to 1');
  if (!Number.isInteger(maxAnswerChars) || maxAnswerChars < MIN_ANSWER_CHARS || maxAnswerChars > WHATSAPP_TEXT_LIMIT) {
    throw new RangeError(`maxAnswerChars must be a whole number from ${MIN_ANSWER_CHARS} to ${WHATSAPP_TEXT_LIMIT}`);
  }
  const labels = { ...DEFAULT_LABELS, ...input.labels };
  const passages = input.passages.filter((p) => p.content.trim() !== '');
  const bestSimilarity = Math.max(0, ...passages.map((p) => p.similarity));
  const unanswered: ComposedAnswer = { answer: '', grounded: false, mode: 'none', citations: [], bestSimilarity };
  if (passages.length === 0 || bestSimilarity < minSimilarity) return unanswered;

  let modelError: string | undefined;
  if (model) {
    const { system, prompt } = answerPrompt(question, passages, maxAnswerChars);
    try {
      const generated = readModelReply(await model.reply({ system, prompt }), passages, labels);
      return generated ? { ...generated, grounded: true, mode: 'generated', bestSimilarity } : unanswered;
    } catch (error) {
      modelError = error instanceof Error ? error.message : String(error);
    }
  }
  const similar = passages.filter((p) => p.similarity >= minSimilarity);
  const quoted = quoteAnswer(question, similar, maxAnswerChars, labels);
  if (quoted.answer === '') return { ...unanswered, ...(modelError === undefined ? {} : { modelError }) };
  return {
    ...quoted,
    grounded: true,
    mode: 'extractive',
    bestSimilarity,
    ...(modelError === undefined ? {} : { modelError }),
  };
}
