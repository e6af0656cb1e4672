import { proxyLocalActivities } from '@temporalio/workflow';
import type { createConversationActivities } from '@botflow/activities';

type ConversationActivities = ReturnType<typeof createConversationActivities>;

/**
 * Local activities: their results are recorded as markers in the same workflow task, so a turn costs a handful of
 * history events instead of a dozen. Sends stay exactly-once through the idempotency keys in deliverTurn.
 */
export const conversationActivities = proxyLocalActivities<ConversationActivities>({
  startToCloseTimeout: '20 seconds',
  scheduleToCloseTimeout: '30 minutes',
  localRetryThreshold: '10 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});
