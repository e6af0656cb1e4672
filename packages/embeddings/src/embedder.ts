// What the knowledge base needs from an embedding model. `model` and `dimensions` are recorded with each knowledge
// base: vectors from different models (int8 and fp32 of the same network included) must never share an index.
export interface Embedder {
  readonly model: string;
  readonly dimensions: number;
  /** One unit-length vector per text, in the order given. */
  embed(texts: string[]): Promise<Float32Array[]>;
}
