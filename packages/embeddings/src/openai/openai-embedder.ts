import OpenAI from 'openai';
import type { Embedder } from '../embedder.ts';
import { floatsFromBase64, l2Normalize } from '../vectors.ts';

export const OPENAI_MODEL_DIMENSIONS: Record<string, number> = {
  'text-embedding-3-small': 1536,
  'text-embedding-3-large': 3072,
  'text-embedding-ada-002': 1536,
};

export interface OpenAiEmbedderOptions {
  /** Needed by OpenAI itself; self-hosted servers (Ollama, vLLM, TEI) usually take any value. */
  apiKey?: string;
  /** An OpenAI-compatible server, e.g. http://127.0.0.1:11434/v1 (Ollama); OpenAI's API when absent. */
  baseURL?: string;
  model?: string;
  /**
   * Vector length. Known for OpenAI's models; required for others. With `requestDimensions` it is sent to the
   * server (text-embedding-3 models shorten their vectors on request).
   */
  dimensions?: number;
  requestDimensions?: boolean;
  /** Texts per request (OpenAI accepts up to 2048 inputs and 300k tokens per request). */
  batchSize?: number;
  /** Retries of 408/409/429/5xx and connection errors, with the server's Retry-After honoured (openai SDK). */
  maxRetries?: number;
  timeoutMs?: number;
  /** base64 (a quarter of the JSON) unless the server only speaks float lists. */
  encoding?: 'float' | 'base64';
}

// Embeddings through the openai SDK, from OpenAI or any server speaking its POST /v1/embeddings.
export class OpenAiEmbedder implements Embedder {
  readonly model: string;
  readonly dimensions: number;
  readonly #client: OpenAI;
  readonly #requestDimensions: boolean;
  readonly #batchSize: number;
  readonly #encoding: 'float' | 'base64';

  constructor(options: OpenAiEmbedderOptions = {}) {
    this.model = options.model ?? 'text-embedding-3-small';
    const dimensions = options.dimensions ?? OPENAI_MODEL_DIMENSIONS[this.model];
    if (dimensions === undefined) {
      throw new Error(`the vector length of embedding model '${this.model}' is unknown: set EMBEDDINGS_DIMENSIONS`);
    }
    if (!options.apiKey && !options.baseURL) {
      throw new Error('OpenAI embeddings need an API key (OPENAI_API_KEY) or the base URL of a compatible server');
    }
    this.dimensions = dimensions;
    this.#requestDimensions = options.requestDimensions ?? false;
    this.#batchSize = options.batchSize ?? 256;
    this.#encoding = options.encoding ?? 'base64';
    this.#client = new OpenAI({
      // The SDK refuses to start without a key; self-hosted servers ignore it.
      apiKey: options.apiKey || 'no-key',
      baseURL: options.baseURL ?? null,
      maxRetries: options.maxRetries ?? 5,
      timeout: options.timeoutMs ?? 60_000,
    });
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    const empty = texts.findIndex((t) => t.trim() === '');
    if (empty >= 0) throw new Error(`text ${empty} is empty: the embeddings API rejects empty input`);
    const out: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += this.#batchSize) {
      out.push(...(await this.#request(texts.slice(start, start + this.#batchSize))));
    }
    return out;
  }

  async #request(input: string[]): Promise<Float32Array[]> {
    const response = await this.#client.embeddings.create({
      model: this.model,
      input,
      encoding_format: this.#encoding,
      ...(this.#requestDimensions ? { dimensions: this.dimensions } : {}),
    });
    if (response.data.length !== input.length) {
      throw new Error(`the embeddings server answered ${response.data.length} vectors for ${input.length} texts`);
    }
    const vectors = new Array<Float32Array>(input.length);
    for (const item of response.data) {
      // Some compatible servers answer float lists even when asked for base64.
      const raw = item.embedding as string | number[];
      const vector = typeof raw === 'string' ? floatsFromBase64(raw) : Float32Array.from(raw);
      if (vector.length !== this.dimensions) {
        throw new Error(
          `model '${this.model}' returned ${vector.length} dimensions where ${this.dimensions} were expected`,
        );
      }
      if (!(item.index >= 0 && item.index < input.length)) throw new Error(`unexpected embedding index ${item.index}`);
      vectors[item.index] = l2Normalize(vector);
    }
    for (let i = 0; i < input.length; i++) {
      if (!vectors[i]) throw new Error(`the embeddings server answered no vector for text ${i}`);
    }
    return vectors;
  }
}
