import { availableParallelism } from 'node:os';
import type { Embedder } from '../embedder.ts';
import { planBatches } from './batches.ts';
import { int8Model } from './int8-model.ts';
import { modelFiles } from './model-files.ts';
import type { LocalModelName, LocalVariant } from './models.ts';
import { SessionPool } from './session-pool.ts';
import { MiniLmTokenizer } from './tokenizer.ts';

export interface LocalEmbedderOptions {
  modelDir: string;
  variant?: LocalVariant;
  /** Texts per model run at most; fewer when they are long (see batchTokens). */
  batchSize?: number;
  /** Padded tokens per model run at most (texts × the longest one's tokens): 4 chunks of 128 tokens by default. */
  batchTokens?: number;
  /** Cores to use, one single-threaded model run on each; 0 uses every core, up to 4 (each holds a model copy). */
  threads?: number;
}

const DIMENSIONS = 384;
const DEFAULT_THREADS_MAX = 4;

// all-MiniLM-L6-v2 (sentence-transformers) on onnxruntime-node: no key, no network, 384 dimensions. The model runs
// in worker threads (session-pool.ts), so embedding never blocks the event loop.
// int8 vectors depend slightly on the other texts of their batch (activation scales are per batch).
export class LocalMiniLmEmbedder implements Embedder {
  readonly model: LocalModelName;
  readonly dimensions = DIMENSIONS;
  readonly tokenizer: MiniLmTokenizer;
  readonly #pool: SessionPool;
  readonly #batchSize: number;
  readonly #batchTokens: number;

  private constructor(
    model: LocalModelName,
    tokenizer: MiniLmTokenizer,
    pool: SessionPool,
    limits: { batchSize: number; batchTokens: number },
  ) {
    this.model = model;
    this.tokenizer = tokenizer;
    this.#pool = pool;
    this.#batchSize = limits.batchSize;
    this.#batchTokens = limits.batchTokens;
  }

  static async load(options: LocalEmbedderOptions): Promise<LocalMiniLmEmbedder> {
    const variant = options.variant ?? 'fp32';
    const files = modelFiles(options.modelDir);
    const tokenizer = await MiniLmTokenizer.fromFile(files.tokenizer);
    const threads = options.threads || Math.min(availableParallelism(), DEFAULT_THREADS_MAX);
    const model = variant === 'int8' ? await int8Model(options.modelDir) : files.model;
    const pool = await SessionPool.open({ model, dimensions: DIMENSIONS }, threads);
    const name = variant === 'int8' ? 'all-MiniLM-L6-v2-int8' : 'all-MiniLM-L6-v2';
    return new LocalMiniLmEmbedder(name, tokenizer, pool, {
      batchSize: options.batchSize ?? 8,
      batchTokens: options.batchTokens ?? 512,
    });
  }

  /** Model runs that go at once: one per core. */
  get threads(): number {
    return this.#pool.size;
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    const encoded = texts.map((text) => this.tokenizer.encode(text).ids);
    const batches = planBatches(
      encoded.map((ids) => ids.length),
      { texts: this.#batchSize, tokens: this.#batchTokens, parallel: this.#pool.size },
    );
    const out = new Array<Float32Array>(texts.length);
    await Promise.all(
      batches.map(async (rows) => {
        const vectors = await this.#pool.run(padded(rows.map((i) => encoded[i]!)));
        rows.forEach((row, k) => (out[row] = vectors[k]!));
      }),
    );
    return out;
  }

  release(): Promise<void> {
    return this.#pool.release();
  }
}

function padded(batch: number[][]): { ids: Int32Array; lengths: number[]; tokens: number } {
  const lengths = batch.map((ids) => ids.length);
  const tokens = Math.max(...lengths);
  const ids = new Int32Array(batch.length * tokens);
  batch.forEach((row, r) => ids.set(row, r * tokens));
  return { ids, lengths, tokens };
}
