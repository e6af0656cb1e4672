import * as ort from 'onnxruntime-node';
import type { Embedder } from '../embedder.ts';
import { int8Model } from './int8-model.ts';
import { modelFiles } from './model-files.ts';
import type { LocalModelName, LocalVariant } from './models.ts';
import { meanPool } from './pooling.ts';
import { MiniLmTokenizer, type TokenizedText } from './tokenizer.ts';

export interface LocalEmbedderOptions {
  modelDir: string;
  variant?: LocalVariant;
  /** Texts per model run; batches hold texts of similar length, so little time goes to padding. */
  batchSize?: number;
  /** onnxruntime's intra-op threads; 0 lets it use every core. */
  threads?: number;
}

const DIMENSIONS = 384;

// all-MiniLM-L6-v2 (sentence-transformers) on onnxruntime-node: no key, no network, 384 dimensions.
// int8 vectors depend slightly on the other texts of their batch (activation scales are per batch).
export class LocalMiniLmEmbedder implements Embedder {
  readonly model: LocalModelName;
  readonly dimensions = DIMENSIONS;
  readonly tokenizer: MiniLmTokenizer;
  readonly #session: ort.InferenceSession;
  readonly #batchSize: number;
  // One model run at a time: concurrent runs would only fight over the same cores.
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(model: LocalModelName, tokenizer: MiniLmTokenizer, session: ort.InferenceSession, batch: number) {
    this.model = model;
    this.tokenizer = tokenizer;
    this.#session = session;
    this.#batchSize = batch;
  }

  static async load(options: LocalEmbedderOptions): Promise<LocalMiniLmEmbedder> {
    const variant = options.variant ?? 'fp32';
    const files = modelFiles(options.modelDir);
    const sessionOptions: ort.InferenceSession.SessionOptions = {
      graphOptimizationLevel: 'all',
      executionMode: 'sequential',
      intraOpNumThreads: options.threads ?? 0,
    };
    const session =
      variant === 'int8'
        ? await ort.InferenceSession.create(await int8Model(options.modelDir), sessionOptions)
        : await ort.InferenceSession.create(files.model, sessionOptions);
    const tokenizer = await MiniLmTokenizer.fromFile(files.tokenizer);
    const model = variant === 'int8' ? 'all-MiniLM-L6-v2-int8' : 'all-MiniLM-L6-v2';
    return new LocalMiniLmEmbedder(model, tokenizer, session, options.batchSize ?? 8);
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    const encoded = texts.map((text) => this.tokenizer.encode(text));
    const order = encoded.map((_, i) => i).sort((a, b) => encoded[a]!.ids.length - encoded[b]!.ids.length);
    const out = new Array<Float32Array>(texts.length);
    for (let start = 0; start < order.length; start += this.#batchSize) {
      const rows = order.slice(start, start + this.#batchSize);
      const vectors = await this.#serially(() => this.#run(rows.map((i) => encoded[i]!)));
      rows.forEach((row, k) => (out[row] = vectors[k]!));
    }
    return out;
  }

  release(): Promise<void> {
    return this.#session.release();
  }

  async #run(batch: TokenizedText[]): Promise<Float32Array[]> {
    const lengths = batch.map((t) => t.ids.length);
    const tokens = Math.max(...lengths);
    const ids = new BigInt64Array(batch.length * tokens);
    const mask = new BigInt64Array(batch.length * tokens);
    batch.forEach((text, row) => {
      text.ids.forEach((id, t) => {
        ids[row * tokens + t] = BigInt(id);
        mask[row * tokens + t] = 1n;
      });
    });
    const shape = [batch.length, tokens];
    const result = await this.#session.run({
      input_ids: new ort.Tensor('int64', ids, shape),
      attention_mask: new ort.Tensor('int64', mask, shape),
      token_type_ids: new ort.Tensor('int64', new BigInt64Array(ids.length), shape),
    });
    const hidden = result.last_hidden_state;
    if (!hidden) throw new Error('the ONNX model has no last_hidden_state output');
    const vectors = meanPool(hidden.data as Float32Array, lengths, tokens, DIMENSIONS);
    hidden.dispose();
    return vectors;
  }

  #serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work, work);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}
