import type { AnswerModel, Passage } from './types.ts';

let counter = 0;

/** A passage of a document named `title`; ids are made up unless given. */
export function passage(content: string, overrides: Partial<Passage> = {}): Passage {
  counter++;
  return {
    chunkId: `chunk-${counter}`,
    documentId: `doc-${counter}`,
    documentTitle: 'Salon.pdf',
    position: 0,
    content,
    score: 1,
    similarity: 0.8,
    ...overrides,
  };
}

/** A model that gives one fixed reply (or throws the error), and keeps what it was asked. */
export function scriptedModel(reply: string | Error): AnswerModel & { requests: { system: string; prompt: string }[] } {
  const requests: { system: string; prompt: string }[] = [];
  return {
    requests,
    reply: async (request) => {
      requests.push(request);
      if (reply instanceof Error) throw reply;
      return reply;
    },
  };
}
