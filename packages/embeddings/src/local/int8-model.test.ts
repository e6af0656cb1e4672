import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { int8Model } from './int8-model.ts';
import { decodeModel, encodeModel, TensorType } from './onnx-model.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'minilm-'));
  const weight = new Uint8Array(Float32Array.from([1, 2, 3, 4]).buffer);
  const fp32 = encodeModel({
    opsetImport: [{ version: 11 }],
    graph: {
      node: [{ opType: 'MatMul', name: 'dense', input: ['x', 'W'], output: ['y'], attribute: [] }],
      initializer: [{ name: 'W', dims: [2, 2], dataType: TensorType.FLOAT, rawData: weight }],
    },
  });
  await writeFile(join(dir, 'model.onnx'), fp32);
  await writeFile(join(dir, 'tokenizer.json'), '{}');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('int8Model', () => {
  it('is made on first use and kept beside the fp32 model', async () => {
    const cached = join(dir, 'model.int8-v1.onnx');
    expect(await int8Model(dir)).toBe(cached);
    expect(decodeModel(await readFile(cached)).graph.node.map((n) => n.opType)).toContain('MatMulInteger');
    await writeFile(cached, 'cached');
    expect(await int8Model(dir)).toBe(cached);
    expect(await readFile(cached, 'utf8')).toBe('cached');
  });

  it('names the installer when the model is missing', async () => {
    await rm(join(dir, 'model.onnx'));
    await expect(int8Model(dir)).rejects.toThrow(/embedding-model\.sh/);
    expect(existsSync(join(dir, 'model.int8-v1.onnx'))).toBe(false);
  });
});
