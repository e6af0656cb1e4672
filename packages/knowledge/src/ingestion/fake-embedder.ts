import type { Embedder } from '@botflow/embeddings';
import { fakeEmbedding } from '@botflow/embeddings/testing';

/** A deterministic embedder for ingestion tests that can be told to fail on a given call, like a crash would. */
export class FakeEmbedder implements Embedder {
  readonly model: string;
  readonly dimensions: number;
  calls = 0;
  texts = 0;
  failOnCall: number | null = null;

  constructor(model = 'all-MiniLM-L6-v2', dimensions = 384) {
    this.model = model;
    this.dimensions = dimensions;
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    this.calls++;
    if (this.calls === this.failOnCall) throw new Error('embedding server went away');
    this.texts += texts.length;
    return texts.map((text) => fakeEmbedding(text, this.dimensions));
  }
}
