/** Kafka topics. The version suffix changes only with an incompatible schema change; both run side by side then. */
export const KAFKA_TOPICS = {
  /** Every product event (messages, nodes, conversations, deliveries), keyed by conversation id. */
  events: { name: 'botflow.events.v1', partitions: 6 },
  /** Events the analytics consumer could not process, kept for inspection and replay. */
  eventsDeadLetter: { name: 'botflow.events.dlq.v1', partitions: 1 },
} as const;
