import { Worker } from 'node:worker_threads';

/** What each worker is started with: the model (a path, or the bytes of a model made in memory). */
export interface WorkerInit {
  model: string | Uint8Array;
  dimensions: number;
}
/** One model run: token ids row after row, each row padded with zeros to `tokens`. */
export interface RunRequest {
  id: number;
  ids: Int32Array;
  lengths: number[];
  tokens: number;
}
export type WorkerReply = { ready: true } | { id?: number; error: string } | { id: number; vectors: Float32Array[] };

interface Job {
  request: Omit<RunRequest, 'id'>;
  resolve: (vectors: Float32Array[]) => void;
  reject: (error: Error) => void;
}

/**
 * Worker threads that each run the model on one core with a single-threaded onnxruntime session. On 2 cores this
 * embeds more than one session spreading every operator over both (about 160 against 147 int8 chunks/s when the
 * machine is idle, twice as many when another process takes a core: no barrier after each of the ~160 operators of
 * a run, where a thread that lost its core holds up the other), and the event loop stays free while the model runs.
 */
export class SessionPool {
  readonly size: number;
  readonly #idle: Worker[] = [];
  readonly #queue: Job[] = [];
  readonly #running = new Map<number, Job>();
  readonly #workers: Worker[];
  #nextId = 0;
  #failure: Error | undefined;

  private constructor(workers: Worker[]) {
    this.#workers = workers;
    this.size = workers.length;
    for (const worker of workers) {
      worker.on('message', (reply: WorkerReply) => this.#settle(worker, reply));
      worker.on('error', (error: Error) => this.#fail(error));
      worker.on('exit', (code) => this.#fail(new Error(`an embedding worker stopped (exit code ${code})`)));
      this.#release(worker);
    }
  }

  static async open(init: WorkerInit, size: number): Promise<SessionPool> {
    const started = Array.from({ length: Math.max(1, size) }, () => startWorker(init));
    const settled = await Promise.allSettled(started);
    const workers = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) {
      await Promise.all(workers.map((w) => w.terminate()));
      throw failed.reason;
    }
    return new SessionPool(workers);
  }

  /** Sentence vectors for one batch; batches beyond the free workers wait their turn. */
  run(request: Omit<RunRequest, 'id'>): Promise<Float32Array[]> {
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      this.#queue.push({ request, resolve, reject });
      this.#dispatch();
    });
  }

  /** Stops the workers; batches not done yet fail. */
  async release(): Promise<void> {
    this.#fail(new Error('the embedder was released'));
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }

  #dispatch(): void {
    while (this.#idle.length > 0 && this.#queue.length > 0) {
      const worker = this.#idle.pop()!;
      const job = this.#queue.shift()!;
      const id = this.#nextId++;
      this.#running.set(id, job);
      // Only a worker with work keeps the process alive: an idle embedder must not stop it from exiting.
      worker.ref();
      worker.postMessage({ id, ...job.request } satisfies RunRequest, [job.request.ids.buffer as ArrayBuffer]);
    }
  }

  #settle(worker: Worker, reply: WorkerReply): void {
    if (!('id' in reply) || reply.id === undefined) return;
    const job = this.#running.get(reply.id);
    this.#running.delete(reply.id);
    if ('error' in reply) job?.reject(new Error(reply.error));
    else job?.resolve(reply.vectors);
    this.#release(worker);
    this.#dispatch();
  }

  #release(worker: Worker): void {
    worker.unref();
    this.#idle.push(worker);
  }

  #fail(error: Error): void {
    if (this.#failure) return;
    this.#failure = error;
    this.#idle.length = 0;
    for (const job of [...this.#running.values(), ...this.#queue.splice(0)]) job.reject(error);
    this.#running.clear();
    for (const worker of this.#workers) void worker.terminate();
  }
}

function startWorker(init: WorkerInit): Promise<Worker> {
  const worker = new Worker(new URL('./onnx-worker.ts', import.meta.url), { workerData: init });
  return new Promise((resolve, reject) => {
    // Only this function's own listeners come off: removeAllListeners would also drop the ones Node's Worker keeps.
    const settle = (outcome: () => void) => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      outcome();
    };
    const onMessage = (reply: WorkerReply) =>
      settle(() => {
        if ('error' in reply) void worker.terminate().then(() => reject(new Error(reply.error)));
        else resolve(worker);
      });
    const onError = (error: Error) => settle(() => reject(error));
    const onExit = (code: number) =>
      settle(() => reject(new Error(`an embedding worker stopped while loading (exit code ${code})`)));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
  });
}
