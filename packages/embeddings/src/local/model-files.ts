import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const INSTALL_HINT = 'bash deploy/local/components/embedding-model.sh';

/** Where deploy/local/components/embedding-model.sh puts the model: $BOTFLOW_CACHE/models/all-minilm-l6-v2. */
export function defaultModelDir(env: NodeJS.ProcessEnv = process.env): string {
  const cache = env.BOTFLOW_CACHE || join(homedir(), '.cache', 'botflow');
  return join(cache, 'models', 'all-minilm-l6-v2');
}

export function hasModelFiles(dir: string): boolean {
  return existsSync(join(dir, 'model.onnx')) && existsSync(join(dir, 'tokenizer.json'));
}

export function modelFiles(dir: string): { model: string; tokenizer: string } {
  if (!hasModelFiles(dir)) {
    throw new Error(`no all-MiniLM-L6-v2 model in ${dir} (model.onnx, tokenizer.json): run ${INSTALL_HINT}`);
  }
  return { model: join(dir, 'model.onnx'), tokenizer: join(dir, 'tokenizer.json') };
}
