/** One retrieved chunk, as the knowledge-answer activity hands it over (e.g. from searchKnowledge). */
export interface Passage {
  chunkId: string;
  documentId: string;
  /** The file name or page title, as shown to the customer. */
  documentTitle: string;
  position: number;
  content: string;
  /** The fused retrieval score, in (0, 1]. */
  score: number;
  /** Cosine similarity of the chunk to the question, 0..1 (0 when only the full-text search found it). */
  similarity: number;
}

/** What the composer needs from a language model: the `reply` of activities' LanguageModel fits. */
export interface AnswerModel {
  reply(request: { system: string; prompt: string }): Promise<string>;
}

/** The words around an answer, in the bot's language. */
export interface AnswerLabels {
  /** Starts the line listing the sources of a generated answer: "Sources: 1. Prices.pdf". */
  sources: string;
  /** Introduces a quotation: "From “Prices.pdf”:". */
  quotedFrom: string;
}

export interface ComposeAnswerInput {
  question: string;
  /** Best first; the caller's top few (each one goes into the model's prompt). */
  passages: Passage[];
  /** When the most similar passage is below this, nothing is answered. */
  minSimilarity: number;
  /** The length asked of the model and the cap of a quotation, whole message included; default 700. */
  maxAnswerChars?: number;
  /** null or absent when no language model is configured: the answer is then quoted from the passages. */
  model?: AnswerModel | null;
  labels?: Partial<AnswerLabels>;
}

export interface Citation {
  /** The number the customer sees: sources are numbered by document, in the order the answer cites them. */
  n: number;
  documentId: string;
  documentTitle: string;
  chunkId: string;
}

export type AnswerMode = 'generated' | 'extractive' | 'none';

export interface ComposedAnswer {
  /** The WhatsApp text to send; '' when not grounded. */
  answer: string;
  /** True only when the answer comes from the passages and names them. */
  grounded: boolean;
  mode: AnswerMode;
  /** One per cited chunk; chunks of one document share their `n`. */
  citations: Citation[];
  /** The highest similarity among the passages, 0 when there are none. */
  bestSimilarity: number;
  /** Why the model was not used although one was given (its call threw): the answer is then extractive. */
  modelError?: string;
}
