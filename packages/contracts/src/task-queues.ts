/** Temporal task queues served by the worker service. */
export const TASK_QUEUES = {
  /** Conversation workflows and the activities they call. */
  conversations: 'botflow-conversations',
  /** Document ingestion: CPU-heavy embedding kept off the conversations' queue, with its own concurrency limit. */
  ingestion: 'botflow-ingestion',
} as const;
