// The local model on onnxruntime-node (a native addon): imported only by code that runs it.
export { LocalMiniLmEmbedder, type LocalEmbedderOptions } from './local-embedder.ts';
export { MAX_TOKENS, MiniLmTokenizer, type TokenizedText } from './tokenizer.ts';
export { quantizeMatMulWeights, type QuantizeReport } from './quantize.ts';
