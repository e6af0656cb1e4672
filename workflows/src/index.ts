// Every workflow the worker registers. Workflow code is deterministic: only @temporalio/workflow, contracts, the
// graph engine and `import type` of activities may be imported here (enforced by the lint rules).
export { conversation } from './conversation/conversation.ts';
export type { ConversationResult } from './conversation/conversation.ts';
export { workerProbe } from './worker-probe.ts';
export type { WorkerProbeResult } from './worker-probe.ts';
export { ingestDocument } from './ingestion/ingest-document.ts';
