import { z } from 'zod';

const name = z.string().trim().min(1, 'give the knowledge base a name').max(100, 'use at most 100 characters');
const threshold = z.number().min(0, 'use a similarity from 0 to 1').max(1, 'use a similarity from 0 to 1');
const tag = z
  .string()
  .trim()
  .min(1)
  .max(50, 'a tag holds at most 50 characters')
  .regex(/^[\p{L}\p{N} _.-]+$/u, 'tags hold letters, digits, spaces, _ . -');
export const tags = z.array(tag).max(20, 'at most 20 tags').default([]);

export const createKnowledgeBaseBody = z.strictObject({
  name,
  embeddingModel: z.string().min(1).optional(),
  answerThreshold: threshold.optional(),
  confidentThreshold: threshold.optional(),
});

export const updateKnowledgeBaseBody = z.strictObject({
  name: name.optional(),
  embeddingModel: z.string().min(1).optional(),
  answerThreshold: threshold.optional(),
  confidentThreshold: threshold.optional(),
});

export const urlDocumentBody = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: 'give a full http:// or https:// address' }).max(2000),
  tags,
});

export const answerBody = z.strictObject({
  /** Optional when `unansweredId` is given: the question as the customer asked it is used. */
  question: z
    .string()
    .trim()
    .min(3, 'write the question')
    .max(1000, 'a question holds at most 1,000 characters')
    .optional(),
  answer: z.string().trim().min(1, 'write the answer').max(10_000, 'an answer holds at most 10,000 characters'),
  /** The unanswered question this answers; resolved with every other asking of the same question. */
  unansweredId: z.string().min(1).optional(),
  tags,
});

export const searchBody = z.strictObject({
  query: z.string().trim().min(1, 'write a question to search for').max(2000),
  topK: z.number().int().min(1).max(50).default(5),
  documentIds: z.array(z.string().min(1)).max(100).optional(),
  tags: z.array(tag).max(20).optional(),
  minScore: threshold.optional(),
});
