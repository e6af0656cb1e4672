export * from './conversation.ts';
export * from './kafka-topics.ts';
export * from './task-queues.ts';
export * from './reply-lag.ts';
export * from './ingestion.ts';
