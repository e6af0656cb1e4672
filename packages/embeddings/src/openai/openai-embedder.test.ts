import { RateLimitError } from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeEmbedding, startEmbeddingsEmulator, type EmbeddingsEmulator } from '../testing/index.ts';
import { cosine } from '../vectors.ts';
import { OpenAiEmbedder } from './openai-embedder.ts';

const apiKey = 'sk-test-0123456789';
let emulator: EmbeddingsEmulator;
beforeEach(async () => {
  emulator = await startEmbeddingsEmulator({
    apiKey,
    models: { 'text-embedding-3-small': 1536, 'nomic-embed-text': 768 },
  });
});
afterEach(() => emulator.close());

function embedder(options: ConstructorParameters<typeof OpenAiEmbedder>[0] = {}) {
  return new OpenAiEmbedder({ apiKey, baseURL: emulator.url, maxRetries: 2, ...options });
}

describe('OpenAiEmbedder against the emulator', () => {
  it('asks for base64 by default and decodes it to the emulator’s vectors', async () => {
    const texts = ['Do you deliver on Saturdays?', 'Opening hours of the Durban shop'];
    const vectors = await embedder().embed(texts);
    expect(vectors.map((v) => v.length)).toEqual([1536, 1536]);
    vectors.forEach((v, i) => expect(cosine(v, fakeEmbedding(texts[i]!, 1536))).toBeGreaterThan(0.999999));
    expect(emulator.requests[0]).toMatchObject({
      path: '/v1/embeddings',
      authorization: `Bearer ${apiKey}`,
      body: { model: 'text-embedding-3-small', input: texts, encoding_format: 'base64' },
      status: 200,
    });
  });

  it('gets the same vectors as float lists', async () => {
    const [asBase64] = await embedder().embed(['refund policy']);
    const [asFloats] = await embedder({ encoding: 'float' }).embed(['refund policy']);
    expect(emulator.requests[1]!.body).toMatchObject({ encoding_format: 'float' });
    expect(asFloats).toEqual(asBase64);
  });

  it('batches and keeps the input order', async () => {
    const texts = ['one', 'two', 'three', 'four', 'five'];
    const vectors = await embedder({ batchSize: 2 }).embed(texts);
    expect(emulator.requests.map((r) => (r.body as { input: string[] }).input)).toEqual([
      ['one', 'two'],
      ['three', 'four'],
      ['five'],
    ]);
    vectors.forEach((v, i) => expect(cosine(v, fakeEmbedding(texts[i]!, 1536))).toBeGreaterThan(0.999999));
    expect(await embedder().embed([])).toEqual([]);
  });

  it('retries a 429 after the server’s Retry-After, then succeeds', async () => {
    emulator.failNext(429, { retryAfterMs: 5 });
    const vectors = await embedder().embed(['hello']);
    expect(vectors).toHaveLength(1);
    expect(emulator.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it('retries server errors, and gives up after its retries', async () => {
    emulator.failNext(503, { times: 2, retryAfterMs: 1 });
    await embedder().embed(['hello']);
    expect(emulator.requests.map((r) => r.status)).toEqual([503, 503, 200]);

    emulator.failNext(429, { times: 3, retryAfterMs: 1 });
    await expect(embedder().embed(['hello'])).rejects.toBeInstanceOf(RateLimitError);
  });

  it('does not retry a wrong key', async () => {
    await expect(embedder({ apiKey: 'sk-wrong-key-0000' }).embed(['hello'])).rejects.toMatchObject({
      status: 401,
      code: 'invalid_api_key',
    });
    expect(emulator.requests).toHaveLength(1);
  });

  it('asks text-embedding-3 models for shorter vectors when told to', async () => {
    const [vector] = await embedder({ dimensions: 256, requestDimensions: true }).embed(['hello']);
    expect(vector).toHaveLength(256);
    expect(emulator.requests[0]!.body).toMatchObject({ dimensions: 256 });
  });

  it('talks to a keyless compatible server serving another model', async () => {
    const server = await startEmbeddingsEmulator({ models: { 'nomic-embed-text': 768 } });
    try {
      const ollama = new OpenAiEmbedder({ baseURL: server.url, model: 'nomic-embed-text', dimensions: 768 });
      expect(await ollama.embed(['hello'])).toMatchObject([{ length: 768 }]);
      expect(server.requests[0]!.authorization).toBe('Bearer no-key');
    } finally {
      await server.close();
    }
  });

  it('says what is wrong with its settings or the answers', async () => {
    expect(() => embedder({ model: 'nomic-embed-text' })).toThrow(/EMBEDDINGS_DIMENSIONS/);
    expect(() => new OpenAiEmbedder({})).toThrow(/OPENAI_API_KEY/);
    await expect(embedder({ model: 'nomic-embed-text', dimensions: 512 }).embed(['x'])).rejects.toThrow(
      /returned 768 dimensions where 512 were expected/,
    );
    await expect(embedder().embed(['fine', ' '])).rejects.toThrow(/text 1 is empty/);
    await expect(embedder({ model: 'text-embedding-9', dimensions: 8 }).embed(['x'])).rejects.toMatchObject({
      status: 404,
      code: 'model_not_found',
    });
  });
});
