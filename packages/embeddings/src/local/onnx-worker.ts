// A worker thread of SessionPool: one onnxruntime session on one core, answering run requests one at a time.
import { parentPort, workerData } from 'node:worker_threads';
import * as ort from 'onnxruntime-node';
import { meanPool } from './pooling.ts';
import type { RunRequest, WorkerInit, WorkerReply } from './session-pool.ts';

if (!parentPort) throw new Error('onnx-worker.ts runs only as a worker thread of SessionPool');
const port = parentPort;
const init = workerData as WorkerInit;

function reply(message: WorkerReply, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

async function run(session: ort.InferenceSession, request: RunRequest): Promise<Float32Array[]> {
  const { ids: tokenIds, lengths, tokens } = request;
  const ids = new BigInt64Array(tokenIds.length);
  const mask = new BigInt64Array(tokenIds.length);
  lengths.forEach((length, row) => {
    for (let t = row * tokens; t < row * tokens + length; t++) {
      ids[t] = BigInt(tokenIds[t]!);
      mask[t] = 1n;
    }
  });
  const shape = [lengths.length, tokens];
  const result = await session.run({
    input_ids: new ort.Tensor('int64', ids, shape),
    attention_mask: new ort.Tensor('int64', mask, shape),
    token_type_ids: new ort.Tensor('int64', new BigInt64Array(ids.length), shape),
  });
  const hidden = result.last_hidden_state;
  if (!hidden) throw new Error('the ONNX model has no last_hidden_state output');
  const vectors = meanPool(hidden.data as Float32Array, lengths, tokens, init.dimensions);
  hidden.dispose();
  return vectors;
}

try {
  const options: ort.InferenceSession.SessionOptions = {
    graphOptimizationLevel: 'all',
    executionMode: 'sequential',
    intraOpNumThreads: 1,
  };
  const session =
    typeof init.model === 'string'
      ? await ort.InferenceSession.create(init.model, options)
      : await ort.InferenceSession.create(init.model, options);
  port.on('message', (request: RunRequest) => {
    run(session, request).then(
      (vectors) =>
        reply(
          { id: request.id, vectors },
          vectors.map((v) => v.buffer as ArrayBuffer),
        ),
      (error: unknown) => reply({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
    );
  });
  reply({ ready: true });
} catch (error) {
  reply({ error: `could not load the embedding model: ${error instanceof Error ? error.message : String(error)}` });
}
