/** Temporal task queues served by the worker service. */
export const TASK_QUEUES = {
  /** Conversation workflows and the activities they call. */
  conversations: 'botflow-conversations',
} as const;
