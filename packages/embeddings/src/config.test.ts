import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbedder, embeddingsConfigFromEnv } from './config.ts';
import { startEmbeddingsEmulator, type EmbeddingsEmulator } from './testing/index.ts';

let emulator: EmbeddingsEmulator;
beforeAll(async () => {
  emulator = await startEmbeddingsEmulator({ models: { 'text-embedding-3-small': 1536, 'bge-small-en': 384 } });
});
afterAll(() => emulator.close());

describe('embeddings config', () => {
  it('defaults to the local model', () => {
    expect(embeddingsConfigFromEnv({})).toEqual({ EMBEDDINGS_PROVIDER: 'local' });
  });

  it('reads how many cores the local model may use', () => {
    expect(embeddingsConfigFromEnv({ EMBEDDINGS_THREADS: '1' })).toMatchObject({ EMBEDDINGS_THREADS: 1 });
    expect(() => embeddingsConfigFromEnv({ EMBEDDINGS_THREADS: 'two' })).toThrow(/EMBEDDINGS_THREADS/);
  });

  it('explains bad values', () => {
    expect(() => embeddingsConfigFromEnv({ EMBEDDINGS_PROVIDER: 'cohere' })).toThrow(/EMBEDDINGS_PROVIDER/);
    expect(() => embeddingsConfigFromEnv({ EMBEDDINGS_DIMENSIONS: 'many' })).toThrow(/EMBEDDINGS_DIMENSIONS/);
    expect(() => embeddingsConfigFromEnv({ EMBEDDINGS_BASE_URL: 'localhost:11434' })).toThrow(/EMBEDDINGS_BASE_URL/);
  });

  it('makes an OpenAI embedder, text-embedding-3-small by default', async () => {
    const env = { EMBEDDINGS_PROVIDER: 'openai', OPENAI_API_KEY: 'sk-x', EMBEDDINGS_BASE_URL: emulator.url };
    const embedder = await createEmbedder(embeddingsConfigFromEnv(env));
    expect([embedder.model, embedder.dimensions]).toEqual(['text-embedding-3-small', 1536]);
    expect(await embedder.embed(['hi'])).toMatchObject([{ length: 1536 }]);
  });

  it('makes an embedder for a compatible server from its base URL, model and dimensions', async () => {
    const env = {
      EMBEDDINGS_PROVIDER: 'openai',
      EMBEDDINGS_BASE_URL: emulator.url,
      EMBEDDINGS_MODEL: 'bge-small-en',
      EMBEDDINGS_DIMENSIONS: '384',
      EMBEDDINGS_ENCODING: 'float',
    };
    const embedder = await createEmbedder(embeddingsConfigFromEnv(env));
    expect(await embedder.embed(['hi'])).toMatchObject([{ length: 384 }]);
    expect(emulator.requests.at(-1)!.body).not.toHaveProperty('dimensions');
  });

  it('refuses an unknown local model and points at the installer when files are missing', async () => {
    await expect(createEmbedder(embeddingsConfigFromEnv({ EMBEDDINGS_MODEL: 'bge-small-en' }))).rejects.toThrow(
      /not a local model/,
    );
    await expect(
      createEmbedder(embeddingsConfigFromEnv({ EMBEDDINGS_MODEL_DIR: '/nonexistent/minilm' })),
    ).rejects.toThrow(/deploy\/local\/components\/embedding-model.sh/);
  });
});
