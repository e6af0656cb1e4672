export type { Embedder } from './embedder.ts';
export { cosine, l2Normalize, floatsFromBase64, floatsToBase64 } from './vectors.ts';
export { createEmbedder, embeddingsConfigFromEnv, embeddingsConfigSchema, type EmbeddingsConfig } from './config.ts';
export { LOCAL_MODELS, type LocalModelName, type LocalVariant } from './local/models.ts';
export { defaultModelDir, hasModelFiles, INSTALL_HINT } from './local/model-files.ts';
export { OPENAI_MODEL_DIMENSIONS, OpenAiEmbedder, type OpenAiEmbedderOptions } from './openai/openai-embedder.ts';
export { EmbeddingModels, EmbeddingModelUnavailable, type EmbeddingModelInfo } from './registry.ts';
