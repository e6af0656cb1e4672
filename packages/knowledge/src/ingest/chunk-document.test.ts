import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkDocument, type Chunk } from './chunk-document.ts';
import { estimateTokens, tokenCounter } from './token-count.ts';
import type { ParsedDocument } from './types.ts';

const words = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `w${from + i}`).join(' ');
const sentences = (n: number) =>
  Array.from({ length: n }, (_, i) => `Sentence ${i} has exactly seven plain words.`).join(' ');
// One token per word or punctuation mark: easy to reason about in tests.
const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

const doc: ParsedDocument = {
  title: 'Handbook',
  mimeType: 'text/markdown',
  sections: [
    { headingPath: [], blocks: [{ kind: 'paragraph', text: 'An introduction.' }] },
    {
      headingPath: ['Hours'],
      blocks: [
        { kind: 'paragraph', text: sentences(12) },
        ...Array.from({ length: 10 }, (_, i) => ({
          kind: 'table_row' as const,
          text: `Day: ${i}; Opens: 07:00; Closes: 19:00`,
        })),
      ],
    },
    { headingPath: ['Ordering', 'Deposit'], blocks: [{ kind: 'paragraph', text: 'Pay a fifth when you order.' }] },
    { headingPath: ['Ordering', 'Collection'], blocks: [{ kind: 'list_item', text: 'Collect after ten.' }] },
    { headingPath: ['Allergens'], blocks: [{ kind: 'paragraph', text: 'Nuts and wheat are used.' }] },
  ],
};

const chunk = (options = {}) =>
  chunkDocument(doc, { maxTokens: 40, overlapTokens: 10, countTokens: countWords, ...options });
const holding = (chunks: Chunk[], text: string) => chunks.filter((c) => c.content.includes(text));

describe('chunkDocument', () => {
  it('keeps every chunk within maxTokens, prefix included, and numbers them 0..n-1', () => {
    const chunks = chunk();
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks) {
      expect(c.tokenCount).toBe(countWords(c.text));
      expect(c.tokenCount).toBeLessThanOrEqual(40);
    }
    expect(chunks.map((c) => c.position)).toEqual(chunks.map((_, i) => i));
  });

  it('prefixes the text to embed with the title and the heading path', () => {
    const chunks = chunk();
    expect(chunks[0]!.text).toBe('Handbook\n\nAn introduction.');
    const hours = holding(chunks, 'Sentence 0 ')[0]!;
    expect(hours.headingPath).toEqual(['Hours']);
    expect(hours.text.startsWith('Handbook — Hours\n\nSentence 0 has')).toBe(true);
  });

  it('cuts long paragraphs between sentences and repeats the end of one chunk at the start of the next', () => {
    const paragraphChunks = chunk().filter((c) => c.content.includes('Sentence'));
    expect(paragraphChunks.length).toBeGreaterThan(1);
    for (const c of paragraphChunks) {
      for (const part of c.content.split('\n').filter((l) => l.startsWith('Sentence'))) {
        expect(part).toMatch(/^(Sentence \d+ has exactly seven plain words\. ?)+$/);
      }
    }
    for (const [a, b] of paragraphChunks.slice(1).map((c, i) => [paragraphChunks[i]!, c] as const)) {
      const lastSentence = a.content
        .split('\n')[0]!
        .split(/(?<=\.) /)
        .at(-1)!;
      expect(b.content.startsWith(lastSentence)).toBe(true);
    }
  });

  it('keeps table rows whole, and never carries part of a row as overlap', () => {
    const chunks = chunk();
    for (let i = 0; i < 10; i++)
      expect(holding(chunks, `Day: ${i}; Opens: 07:00; Closes: 19:00`).length).toBeGreaterThan(0);
    for (const c of chunks) {
      for (const line of c.content.split('\n').filter((l) => l.includes('Opens'))) {
        expect(line).toMatch(/^Day: \d; Opens: 07:00; Closes: 19:00$/);
      }
    }
  });

  it('never mixes top-level sections, and puts small subsections of one together under their common heading', () => {
    const chunks = chunk();
    const topSections = [/introduction/, /Sentence|Opens/, /fifth|Collect/, /Nuts/];
    for (const c of chunks) expect(topSections.filter((m) => m.test(c.content))).toHaveLength(1);
    const ordering = holding(chunks, 'Pay a fifth')[0]!;
    expect(ordering.headingPath).toEqual(['Ordering']);
    expect(ordering.content).toBe('Deposit\nPay a fifth when you order.\nCollection\nCollect after ten.');
    expect(holding(chunks, 'Nuts')[0]!.headingPath).toEqual(['Allergens']);
    expect(holding(chunks, 'An introduction')[0]!.content).toBe('An introduction.');
  });

  it('does not repeat text across sections and gives the same chunks for the same input', () => {
    expect(chunk({ overlapTokens: 0 }).flatMap((c) => c.content.split(/(?<=\.) |\n/))).toEqual(
      expect.arrayContaining(['Sentence 11 has exactly seven plain words.']),
    );
    expect(chunk()).toEqual(chunk());
  });

  it('cuts a sentence longer than a chunk at words', () => {
    const long: ParsedDocument = {
      title: 'T',
      mimeType: 'text/plain',
      sections: [{ headingPath: [], blocks: [{ kind: 'paragraph', text: words(100) }] }],
    };
    const chunks = chunkDocument(long, { maxTokens: 30, overlapTokens: 5, countTokens: countWords });
    for (const c of chunks) expect(c.tokenCount).toBeLessThanOrEqual(30);
    expect(chunks.at(-1)!.content.endsWith('w99')).toBe(true);
    expect(chunks[1]!.content.startsWith(chunks[0]!.content.split(' ').slice(-5).join(' '))).toBe(true);
  });

  it('refuses an overlap larger than half a chunk', () => {
    expect(() => chunk({ overlapTokens: 30 })).toThrow(/overlapTokens/);
  });

  it('counts with the word-based estimate by default', () => {
    expect(estimateTokens('Hello, world!')).toBe(4);
    expect(estimateTokens('internationalisation')).toBe(4);
    const chunks = chunkDocument(doc);
    for (const c of chunks) expect(c.tokenCount).toBeLessThanOrEqual(200);
  });
});

const modelDir = join(
  process.env.BOTFLOW_CACHE ?? join(process.env.HOME ?? '', '.cache', 'botflow'),
  'models',
  'all-minilm-l6-v2',
);

describe.skipIf(!existsSync(join(modelDir, 'tokenizer.json')))(
  'chunkDocument with the all-MiniLM-L6-v2 tokenizer',
  () => {
    it('keeps chunks within the limit in real tokens, [CLS] and [SEP] included', async () => {
      const { MiniLmTokenizer } = await import('@botflow/embeddings/local');
      const tokenizer = await MiniLmTokenizer.fromFile(join(modelDir, 'tokenizer.json'));
      const countTokens = tokenCounter(tokenizer);
      const chunks = chunkDocument(doc, { maxTokens: 60, overlapTokens: 15, countTokens });
      for (const c of chunks) expect(c.tokenCount).toBeLessThanOrEqual(60);
      expect(estimateTokens(doc.sections[1]!.blocks[0]!.text)).toBeGreaterThanOrEqual(
        countTokens(doc.sections[1]!.blocks[0]!.text) - 2,
      );
    });
  },
);
