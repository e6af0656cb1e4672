// Every workflow the worker registers. Workflow code is deterministic: only @temporalio/workflow, contracts and
// `import type` of activities may be imported here (enforced by the lint rules).
export { workerProbe } from './worker-probe.ts';
export type { WorkerProbeResult } from './worker-probe.ts';
