import type { EmbeddingsConfig } from './config.ts';
import { createEmbedder } from './config.ts';
import type { Embedder } from './embedder.ts';
import { LOCAL_MODELS } from './local/models.ts';
import { OPENAI_MODEL_DIMENSIONS } from './openai/openai-embedder.ts';

export interface EmbeddingModelInfo {
  name: string;
  dimensions: number;
  provider: 'local' | 'openai';
}

const LOCAL_DIMENSIONS = 384;

/** A knowledge base names a model this install does not offer: set it up (or switch models); retrying cannot help. */
export class EmbeddingModelUnavailable extends Error {
  constructor(name: string, available: string[]) {
    super(`embedding model '${name}' is not available here; available: ${available.join(', ')}`);
    this.name = 'EmbeddingModelUnavailable';
  }
}

/**
 * The embedding models this install can use, by the name a knowledge base records. The local models are always
 * there; the configured OpenAI-compatible model too when EMBEDDINGS_PROVIDER=openai, and it is then the default for new
 * knowledge bases. Each model is loaded once, on first use.
 */
export class EmbeddingModels {
  readonly defaultModel: string;
  readonly #models = new Map<string, EmbeddingModelInfo>();
  readonly #loaded = new Map<string, Promise<Embedder>>();
  readonly #config: EmbeddingsConfig;
  readonly #env: NodeJS.ProcessEnv;

  constructor(config: EmbeddingsConfig, env: NodeJS.ProcessEnv = process.env) {
    this.#config = config;
    this.#env = env;
    for (const name of Object.keys(LOCAL_MODELS)) {
      this.#models.set(name, { name, dimensions: LOCAL_DIMENSIONS, provider: 'local' });
    }
    if (config.EMBEDDINGS_PROVIDER === 'openai') {
      const name = config.EMBEDDINGS_MODEL ?? 'text-embedding-3-small';
      const dimensions = config.EMBEDDINGS_DIMENSIONS ?? OPENAI_MODEL_DIMENSIONS[name];
      if (dimensions === undefined) {
        throw new Error(`the vector length of embedding model '${name}' is unknown: set EMBEDDINGS_DIMENSIONS`);
      }
      this.#models.set(name, { name, dimensions, provider: 'openai' });
      this.defaultModel = name;
    } else {
      this.defaultModel = config.EMBEDDINGS_MODEL ?? 'all-MiniLM-L6-v2';
      if (!this.#models.has(this.defaultModel)) {
        throw new Error(
          `EMBEDDINGS_MODEL=${this.defaultModel} is not a local model: use ${Object.keys(LOCAL_MODELS).join(' or ')}`,
        );
      }
    }
  }

  list(): EmbeddingModelInfo[] {
    return [...this.#models.values()];
  }

  describe(name: string): EmbeddingModelInfo | undefined {
    return this.#models.get(name);
  }

  /** The loaded model; rejects for names this install doesn't offer. */
  embedder(name: string): Promise<Embedder> {
    const info = this.#models.get(name);
    if (!info) return Promise.reject(new EmbeddingModelUnavailable(name, [...this.#models.keys()]));
    let loading = this.#loaded.get(name);
    if (!loading) {
      const config: EmbeddingsConfig = { ...this.#config, EMBEDDINGS_PROVIDER: info.provider, EMBEDDINGS_MODEL: name };
      loading = createEmbedder(config, this.#env);
      // A failed load (model files missing) is tried again next time rather than remembered.
      loading.catch(() => this.#loaded.delete(name));
      this.#loaded.set(name, loading);
    }
    return loading;
  }
}
