// Graph benchmark: validate+compile a generated 500-node graph, and interpreter node visits per second, in plain Node
// and inside one Temporal workflow on the real server. Run with `npm run bench:graph`.
//   node bench/graph/run.ts [--runs 40] [--messages 300] [--logic-nodes 198]
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { botGraphSchema, compileGraph, type BotGraph } from '@botflow/graph/catalogue';
import { initialState, receive, type BotDefinition } from '@botflow/graph';
import { contentHash } from '@botflow/graph/publish';
import { largeGraph, logicLoopGraph } from './generated-graphs.ts';
import type { interpreterBench } from './interpreter-workflow.ts';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '40' },
    messages: { type: 'string', default: '300' },
    'logic-nodes': { type: 'string', default: '198' },
  },
});
const runs = Number(args.runs);
const messages = Number(args.messages);
const logicNodes = Number(args['logic-nodes']);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}
function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? NaN;
}
function timed(times: number, fn: () => void): number[] {
  for (let i = 0; i < Math.min(10, times); i++) fn();
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    fn();
    out.push(performance.now() - start);
  }
  return out;
}
function compileOrThrow(graph: BotGraph): BotDefinition {
  const result = compileGraph(graph);
  if (!result.ok) throw new Error(`generated graph does not compile: ${JSON.stringify(result.problems.slice(0, 3))}`);
  return result.definition;
}

// 1. Validate + compile.
const big = largeGraph(100);
const compileMs = timed(runs, () => compileOrThrow(big));
const shapeMs = timed(runs, () => botGraphSchema.parse(big));
const definition = compileOrThrow(big);
const hashMs = timed(runs, () => contentHash(definition));

// 2. Interpreter in plain Node.
const loop = compileOrThrow(logicLoopGraph(logicNodes));
const visitsPerMessage = Object.keys(loop.nodes).length + 1;
const plainRates: number[] = [];
for (let r = 0; r < 5; r++) {
  const env = { definition: loop, contactKey: '27820000000' };
  let state = initialState();
  const start = performance.now();
  let visits = 0;
  for (let i = 0; i < messages; i++) {
    state = receive(env, state, { id: `m${i}`, type: 'text', text: 'yes', receivedAt: 0 }, Date.now()).state;
    visits += i === 0 ? 1 : visitsPerMessage;
  }
  plainRates.push(visits / ((performance.now() - start) / 1000));
}

// 3. The same inside one workflow on the real Temporal server (the sandbox adds its own cost).
const address = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
const taskQueue = `bench-graph-${randomBytes(4).toString('hex')}`;
const nativeConnection = await NativeConnection.connect({ address });
const worker = await Worker.create({
  connection: nativeConnection,
  taskQueue,
  workflowsPath: new URL('./interpreter-workflow.ts', import.meta.url).pathname,
});
const connection = await Connection.connect({ address });
const client = new Client({ connection });
const workflowRates: number[] = [];
await worker.runUntil(async () => {
  for (let r = 0; r < 4; r++) {
    const start = performance.now();
    const { visits } = await client.workflow.execute<typeof interpreterBench>('interpreterBench', {
      taskQueue,
      workflowId: `${taskQueue}-${r}`,
      args: [loop, messages],
    });
    if (r > 0) workflowRates.push(visits / ((performance.now() - start) / 1000));
  }
});
await connection.close();
await nativeConnection.close();

const fmt = (n: number, digits = 1) => n.toFixed(digits);
console.log(`\n## Graph benchmark (${new Date().toISOString().slice(0, 10)}, Node ${process.version})\n`);
console.log(`| measure | median | p95 | note |`);
console.log(`| --- | ---: | ---: | --- |`);
console.log(
  `| validate + compile, ${big.nodes.length} nodes / ${big.edges.length} edges | ${fmt(median(compileMs))} ms | ${fmt(p95(compileMs))} ms | target ≤ 50 ms; ${fmt(median(compileMs) / median(shapeMs))}× the shape check alone |`,
);
console.log(`| baseline: shape check only (zod) | ${fmt(median(shapeMs))} ms | ${fmt(p95(shapeMs))} ms | same graph |`);
console.log(
  `| content hash of the definition | ${fmt(median(hashMs))} ms | ${fmt(p95(hashMs))} ms | sha256 of canonical JSON |`,
);
console.log(
  `| interpreter, plain Node | ${fmt(median(plainRates) / 1000, 0)}k visits/s | | ${messages} messages × ${visitsPerMessage} node visits |`,
);
console.log(
  `| interpreter, inside one workflow | ${fmt(median(workflowRates) / 1000, 0)}k visits/s | | ${fmt(median(workflowRates) / median(plainRates), 2)}× plain Node; includes workflow start |`,
);
