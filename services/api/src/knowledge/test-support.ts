import type { documentView, knowledgeBaseView } from './knowledge-store.ts';

/** A route's JSON answer as tests read it: dates arrive as strings, and each test reads only the fields it expects. */
type Wire<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

export type DocumentBody = Wire<ReturnType<typeof documentView>>;

export interface SearchResultBody {
  rank: number;
  score: number;
  similarity: number;
  aboveThreshold: boolean;
  documentId: string;
  documentTitle: string;
  content: string;
}

export interface UnansweredBody {
  id: string;
  question: string;
  kind: 'unanswered' | 'low_confidence';
  timesAsked: number;
  knowledgeBaseId: string;
  answerDocumentId: string | null;
}

export interface KnowledgeApiBody {
  error: string;
  knowledgeBase: Wire<ReturnType<typeof knowledgeBaseView>>;
  knowledgeBases: Wire<ReturnType<typeof knowledgeBaseView>>[];
  document: DocumentBody;
  documents: DocumentBody[];
  created: boolean;
  resolved: number;
  reindexing: string[];
  wouldAnswer: boolean;
  results: SearchResultBody[];
  questions: UnansweredBody[];
}
