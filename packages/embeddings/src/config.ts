import { z } from 'zod';
import type { Embedder } from './embedder.ts';
import { defaultModelDir } from './local/model-files.ts';
import { LOCAL_MODELS, type LocalModelName } from './local/models.ts';
import { OpenAiEmbedder } from './openai/openai-embedder.ts';

const positiveInt = z.coerce.number().int().positive();
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

// The environment a service reads once at boot (merge it into its own config schema). The local model is the
// default: no key, no network. OpenAI (or a compatible server) only when asked for.
export const embeddingsConfigSchema = z.object({
  EMBEDDINGS_PROVIDER: z.enum(['local', 'openai']).default('local'),
  /** local: all-MiniLM-L6-v2 | all-MiniLM-L6-v2-int8; openai: text-embedding-3-small by default. */
  EMBEDDINGS_MODEL: optionalText,
  OPENAI_API_KEY: optionalText,
  /** An OpenAI-compatible server: http://127.0.0.1:11434/v1 (Ollama), vLLM, TEI … */
  EMBEDDINGS_BASE_URL: z
    .url({ protocol: /^https?$/ })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Vector length for models the code doesn't know; sent to the server only for text-embedding-3 models. */
  EMBEDDINGS_DIMENSIONS: positiveInt.optional(),
  EMBEDDINGS_MODEL_DIR: optionalText,
  EMBEDDINGS_BATCH_SIZE: positiveInt.optional(),
  /** Local models: cores to embed on, one model copy each (fp32 ~175 MiB, int8 ~130 MiB); 0: every core, up to 4. */
  EMBEDDINGS_THREADS: z.coerce.number().int().min(0).max(64).optional(),
  /** float for servers that don't speak base64 embeddings. */
  EMBEDDINGS_ENCODING: z.enum(['float', 'base64']).optional(),
});
export type EmbeddingsConfig = z.infer<typeof embeddingsConfigSchema>;

export function embeddingsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): EmbeddingsConfig {
  const parsed = embeddingsConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`embeddings settings are invalid: ${problems.join('; ')}`);
  }
  return parsed.data;
}

export async function createEmbedder(
  config: EmbeddingsConfig,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Embedder> {
  if (config.EMBEDDINGS_PROVIDER === 'local') {
    const model = config.EMBEDDINGS_MODEL ?? 'all-MiniLM-L6-v2';
    if (!(model in LOCAL_MODELS)) {
      throw new Error(`EMBEDDINGS_MODEL=${model} is not a local model: use ${Object.keys(LOCAL_MODELS).join(' or ')}`);
    }
    // Loaded on demand: processes that embed through OpenAI never load onnxruntime's native addon.
    const { LocalMiniLmEmbedder } = await import('./local/local-embedder.ts');
    return LocalMiniLmEmbedder.load({
      modelDir: config.EMBEDDINGS_MODEL_DIR ?? defaultModelDir(env),
      variant: LOCAL_MODELS[model as LocalModelName],
      ...(config.EMBEDDINGS_BATCH_SIZE ? { batchSize: config.EMBEDDINGS_BATCH_SIZE } : {}),
      ...(config.EMBEDDINGS_THREADS === undefined ? {} : { threads: config.EMBEDDINGS_THREADS }),
    });
  }
  const model = config.EMBEDDINGS_MODEL ?? 'text-embedding-3-small';
  return new OpenAiEmbedder({
    model,
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.EMBEDDINGS_BASE_URL,
    dimensions: config.EMBEDDINGS_DIMENSIONS,
    requestDimensions: config.EMBEDDINGS_DIMENSIONS !== undefined && model.startsWith('text-embedding-3'),
    batchSize: config.EMBEDDINGS_BATCH_SIZE,
    encoding: config.EMBEDDINGS_ENCODING,
  });
}
