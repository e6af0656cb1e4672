import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddingsConfigFromEnv } from './config.ts';
import { EmbeddingModels } from './registry.ts';
import { startEmbeddingsEmulator, type EmbeddingsEmulator } from './testing/index.ts';

let emulator: EmbeddingsEmulator;
beforeAll(async () => {
  emulator = await startEmbeddingsEmulator({ models: { 'text-embedding-3-small': 1536, 'nomic-embed-text': 768 } });
});
afterAll(() => emulator.close());

const models = (env: NodeJS.ProcessEnv) => new EmbeddingModels(embeddingsConfigFromEnv(env), env);

describe('the embedding models of an install', () => {
  it('offers the local models, the fp32 one by default', () => {
    const local = models({});
    expect(local.defaultModel).toBe('all-MiniLM-L6-v2');
    expect(local.list().map((m) => [m.name, m.dimensions])).toEqual([
      ['all-MiniLM-L6-v2', 384],
      ['all-MiniLM-L6-v2-int8', 384],
    ]);
    expect(models({ EMBEDDINGS_MODEL: 'all-MiniLM-L6-v2-int8' }).defaultModel).toBe('all-MiniLM-L6-v2-int8');
  });

  it('adds the configured OpenAI-compatible model and makes it the default', async () => {
    const remote = models({
      EMBEDDINGS_PROVIDER: 'openai',
      EMBEDDINGS_BASE_URL: emulator.url,
      EMBEDDINGS_MODEL: 'nomic-embed-text',
      EMBEDDINGS_DIMENSIONS: '768',
    });
    expect(remote.defaultModel).toBe('nomic-embed-text');
    expect(remote.describe('nomic-embed-text')).toEqual({
      name: 'nomic-embed-text',
      dimensions: 768,
      provider: 'openai',
    });
    expect(remote.describe('all-MiniLM-L6-v2')?.provider).toBe('local');
    const embedder = await remote.embedder('nomic-embed-text');
    expect(await remote.embedder('nomic-embed-text')).toBe(embedder);
    expect(await embedder.embed(['hello'])).toMatchObject([{ length: 768 }]);
  });

  it('refuses models it does not offer, saying which it does', async () => {
    await expect(models({}).embedder('text-embedding-3-small')).rejects.toThrow(
      /'text-embedding-3-small' is not available here; available: all-MiniLM-L6-v2, all-MiniLM-L6-v2-int8/,
    );
    expect(() => models({ EMBEDDINGS_MODEL: 'bge-small' })).toThrow(/not a local model/);
    expect(() =>
      models({ EMBEDDINGS_PROVIDER: 'openai', EMBEDDINGS_BASE_URL: emulator.url, EMBEDDINGS_MODEL: 'mystery' }),
    ).toThrow(/set EMBEDDINGS_DIMENSIONS/);
  });
});
