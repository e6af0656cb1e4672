import express from 'express';
import { NativeConnection } from '@temporalio/worker';
import { closeServer, createLogger, healthRoutes, listen, Shutdown, temporalCheck } from '@botflow/service-kit';
import { loadWorkerConfig } from './config.ts';
import { createWorker } from './worker.ts';

const config = loadWorkerConfig();
const log = createLogger('worker', config.LOG_LEVEL);
const shutdown = new Shutdown(log);
shutdown.listen();

const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
shutdown.add('temporal connection', () => connection.close());
const worker = await createWorker(config, connection);

const app = express();
app.use(
  healthRoutes('worker', [
    temporalCheck(connection, config.TEMPORAL_NAMESPACE),
    {
      name: 'worker',
      check: async () => {
        if (worker.getState() !== 'RUNNING') throw new Error(`worker is ${worker.getState()}`);
      },
    },
  ]),
);
const server = await listen(app, config.WORKER_HEALTH_PORT);
shutdown.add('health server', () => closeServer(server));

const running = worker.run();
shutdown.add('worker', async () => {
  worker.shutdown();
  await running;
});
log.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, healthPort: config.WORKER_HEALTH_PORT }, 'worker started');
running.catch((err: unknown) => {
  log.fatal({ err }, 'worker stopped unexpectedly');
  process.exit(1);
});
