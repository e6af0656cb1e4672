import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbedder, embeddingsConfigFromEnv } from '../config.ts';
import { cosine } from '../vectors.ts';
import { LocalMiniLmEmbedder } from './local-embedder.ts';
import { defaultModelDir, hasModelFiles, INSTALL_HINT } from './model-files.ts';

const modelDir = process.env.EMBEDDINGS_MODEL_DIR || defaultModelDir();
const present = hasModelFiles(modelDir);
if (!present) {
  console.warn(`SKIPPED local embedding model tests: no model in ${modelDir}. Install it with: ${INSTALL_HINT}`);
}

// [anchor, paraphrase, unrelated]
const triples: [string, string, string][] = [
  [
    'How do I reset my password?',
    'I forgot my password, how can I change it?',
    'What time does the shop open on Sunday?',
  ],
  ['Do you deliver to Cape Town?', 'Can you ship my order to Cape Town?', 'My card was charged twice for one order.'],
  ['The parcel arrived damaged.', 'My package was broken when it got here.', 'Which languages does the bot speak?'],
  [
    'How much does the premium plan cost?',
    'What is the price of the premium subscription?',
    'The printer is out of ink.',
  ],
];

describe.skipIf(!present)(`LocalMiniLmEmbedder (model in ${modelDir})`, () => {
  let fp32: LocalMiniLmEmbedder;
  let int8: LocalMiniLmEmbedder;
  beforeAll(async () => {
    fp32 = await LocalMiniLmEmbedder.load({ modelDir, batchSize: 4 });
    int8 = await LocalMiniLmEmbedder.load({ modelDir, variant: 'int8', batchSize: 4 });
  }, 60_000);
  afterAll(async () => {
    await fp32?.release();
    await int8?.release();
  });

  it('names the model and its 384 dimensions, int8 as a model of its own', () => {
    expect([fp32.model, fp32.dimensions]).toEqual(['all-MiniLM-L6-v2', 384]);
    expect([int8.model, int8.dimensions]).toEqual(['all-MiniLM-L6-v2-int8', 384]);
  });

  it('truncates the real tokenizer at 256 tokens, ending in [SEP]', () => {
    const { ids, truncated } = fp32.tokenizer.encode('word '.repeat(300));
    expect([ids.length, ids[0], ids.at(-1), truncated]).toEqual([256, 101, 102, true]);
  });

  it('matches sentence-transformers on its documented example', async () => {
    // The first values sentence-transformers prints for this sentence with all-MiniLM-L6-v2.
    const [vector] = await fp32.embed(['This is an example sentence']);
    const expected = [0.0676569194, 0.0634959415, 0.0487131588, 0.0793049634, 0.0374480933];
    expected.forEach((value, i) => expect(vector![i]).toBeCloseTo(value, 5));
  });

  it('puts paraphrases closer than unrelated sentences', async () => {
    for (const [anchor, paraphrase, unrelated] of triples) {
      const [a, p, u] = await fp32.embed([anchor, paraphrase, unrelated]);
      const close = cosine(a!, p!);
      const far = cosine(a!, u!);
      expect(close, `${anchor} ~ ${paraphrase}`).toBeGreaterThan(0.5);
      expect(far, `${anchor} ~ ${unrelated}`).toBeLessThan(0.15);
    }
  });

  it('returns unit vectors in input order, the same whatever the batch', async () => {
    const texts = ['short', 'a somewhat longer sentence about deliveries and refunds', 'word '.repeat(400), ''];
    const together = await fp32.embed(texts);
    const alone = await Promise.all(texts.map(async (t) => (await fp32.embed([t]))[0]!));
    together.forEach((v, i) => {
      expect(v).toHaveLength(384);
      expect(cosine(v, v)).toBeCloseTo(1, 5);
      expect(cosine(v, alone[i]!)).toBeGreaterThan(0.9999);
    });
    expect(await fp32.embed([])).toEqual([]);
  });

  it('uses the cores EMBEDDINGS_THREADS allows', async () => {
    const config = embeddingsConfigFromEnv({ EMBEDDINGS_THREADS: '1', EMBEDDINGS_MODEL_DIR: modelDir });
    const embedder = (await createEmbedder(config)) as LocalMiniLmEmbedder;
    try {
      expect(embedder.threads).toBe(1);
    } finally {
      await embedder.release();
    }
  });

  it('spreads a call over its workers, with the vectors one worker gives', async () => {
    const single = await LocalMiniLmEmbedder.load({ modelDir, threads: 1, batchSize: 4 });
    const pair = await LocalMiniLmEmbedder.load({ modelDir, threads: 2, batchSize: 4 });
    try {
      expect([single.threads, pair.threads]).toEqual([1, 2]);
      const texts = triples.flat();
      const [one, two] = await Promise.all([single.embed(texts), pair.embed(texts)]);
      one.forEach((v, i) => expect(cosine(v, two[i]!)).toBeGreaterThan(0.99999));
    } finally {
      await single.release();
      await pair.release();
    }
  }, 60_000);

  it('keeps int8 close to fp32 and the paraphrase order intact', async () => {
    for (const triple of triples) {
      const exact = await fp32.embed(triple);
      const quantized = await int8.embed(triple);
      exact.forEach((v, i) => expect(cosine(v, quantized[i]!)).toBeGreaterThan(0.97));
      expect(cosine(quantized[0]!, quantized[1]!)).toBeGreaterThan(cosine(quantized[0]!, quantized[2]!) + 0.3);
    }
  });
});
