import { readdirSync, readFileSync } from 'node:fs';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker, type WorkflowBundle } from '@temporalio/worker';
import { beforeAll, describe, expect, it } from 'vitest';
import { historyFromJSON } from './history-json.ts';

// Replays recorded conversation histories (conversation/histories/*.json) against the current workflow code, the
// way a worker replays a running conversation after a deploy: a determinism error here would strand real ones.
const histories = new URL('./conversation/histories/', import.meta.url);
const files = readdirSync(histories)
  .filter((f) => f.endsWith('.json'))
  .sort();

let workflowBundle: WorkflowBundle;
beforeAll(async () => {
  const logger = new DefaultLogger('WARN');
  Runtime.install({ logger });
  workflowBundle = await bundleWorkflowCode({ workflowsPath: new URL('./index.ts', import.meta.url).pathname, logger });
}, 60_000);

describe('recorded conversation histories replay on the current workflow code', () => {
  it('finds the recorded histories', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s', async (file) => {
    const history = historyFromJSON(readFileSync(new URL(file, histories), 'utf8'));
    await Worker.runReplayHistory({ workflowBundle }, history, file);
  });
});
