import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultModelDir, hasModelFiles } from './model-files.ts';
import { SessionPool } from './session-pool.ts';

const modelDir = process.env.EMBEDDINGS_MODEL_DIR || defaultModelDir();
const present = hasModelFiles(modelDir);

// [CLS] hello [SEP] in all-MiniLM-L6-v2's vocabulary (30522 tokens).
const hello = () => ({ ids: Int32Array.from([101, 7592, 102]), lengths: [3], tokens: 3 });

describe('SessionPool', () => {
  it('fails to open with onnxruntime’s reason when the model is not a model', async () => {
    const garbage = new TextEncoder().encode('not an onnx model');
    await expect(SessionPool.open({ model: garbage, dimensions: 384 }, 2)).rejects.toThrow(
      /could not load the embedding model/,
    );
  });

  describe.skipIf(!present)('on the real model', () => {
    let pool: SessionPool;
    beforeAll(async () => {
      pool = await SessionPool.open({ model: join(modelDir, 'model.onnx'), dimensions: 384 }, 2);
    }, 60_000);
    afterAll(() => pool?.release());

    it('answers each batch with its own vectors, more batches than workers included', async () => {
      const padded = { ids: Int32Array.from([101, 7592, 102, 0, 101, 7592, 2088, 102]), lengths: [3, 4], tokens: 4 };
      const [alone, ...others] = await Promise.all([pool.run(hello()), pool.run(padded), pool.run(hello())]);
      expect(alone).toHaveLength(1);
      expect(others.map((v) => v.length)).toEqual([2, 1]);
      // Padding is masked out: "hello" in a padded batch is "hello" alone.
      for (const v of [others[0][0]!, others[1][0]!]) {
        v.forEach((x, d) => expect(x).toBeCloseTo(alone[0]![d]!, 5));
      }
      expect(others[0][1]).not.toEqual(alone[0]);
    });

    it('fails only the batch the model refuses, and keeps serving', async () => {
      const outOfVocabulary = { ids: Int32Array.from([101, 999_999, 102]), lengths: [3], tokens: 3 };
      await expect(pool.run(outOfVocabulary)).rejects.toThrow(/indices|out of bounds|Gather/i);
      await expect(pool.run(hello())).resolves.toHaveLength(1);
    });
  });

  it.skipIf(!present)(
    'fails the batches still running when released, and every later one',
    async () => {
      const pool = await SessionPool.open({ model: join(modelDir, 'model.onnx'), dimensions: 384 }, 1);
      const running = expect(pool.run(hello())).rejects.toThrow(/released/);
      const waiting = expect(pool.run(hello())).rejects.toThrow(/released/);
      await pool.release();
      await Promise.all([running, waiting]);
      await expect(pool.run(hello())).rejects.toThrow(/released/);
    },
    60_000,
  );
});
