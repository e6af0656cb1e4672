export type LocalVariant = 'fp32' | 'int8';

/** The local models by the name recorded with a knowledge base. */
export const LOCAL_MODELS = {
  'all-MiniLM-L6-v2': 'fp32',
  'all-MiniLM-L6-v2-int8': 'int8',
} as const satisfies Record<string, LocalVariant>;
export type LocalModelName = keyof typeof LOCAL_MODELS;
