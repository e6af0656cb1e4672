import { existsSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { modelFiles } from './model-files.ts';
import { quantizeMatMulWeights } from './quantize.ts';

// Bump when quantize.ts changes what it writes, so an old cached int8 file is not reused.
const INT8_FILE = 'model.int8-v1.onnx';

/**
 * The int8 model, made from the fp32 one on first use (under a second) and kept beside it when the folder is
 * writable: its path then, so that each worker reads the file instead of getting a copy of the bytes; otherwise the
 * bytes, made again in memory at each start.
 */
export async function int8Model(dir: string): Promise<string | Uint8Array> {
  const cached = join(dir, INT8_FILE);
  if (existsSync(cached)) return cached;
  const { model } = quantizeMatMulWeights(await readFile(modelFiles(dir).model));
  const partial = `${cached}.${process.pid}.tmp`;
  try {
    await writeFile(partial, model);
    await rename(partial, cached);
    return cached;
  } catch {
    // A read-only model folder is fine: the bytes in memory serve this process.
    await rm(partial, { force: true });
    return model;
  }
}
