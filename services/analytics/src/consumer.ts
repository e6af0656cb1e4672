import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { KAFKA_TOPICS } from '@botflow/contracts';
import type { HealthCheck, Logger } from '@botflow/service-kit';

export type EventBatchHandler = (payload: EachBatchPayload) => Promise<void>;

/**
 * The analytics consumer group on the event stream. Offsets are committed only after a batch was handled, so a
 * crash re-delivers rather than loses; handlers must therefore be idempotent (dedupe by event id).
 */
export class EventConsumer {
  private readonly consumer: Consumer;
  private crashed: Error | undefined;
  private readonly log: Logger;

  constructor(kafka: Kafka, groupId: string, log: Logger) {
    this.log = log;
    this.consumer = kafka.consumer({ groupId, sessionTimeout: 10000, heartbeatInterval: 1000 });
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      this.crashed = payload.error;
      if (!payload.restart) this.log.fatal({ err: payload.error }, 'event consumer crashed and will not restart');
    });
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => {
      this.crashed = undefined;
    });
  }

  /** A new consumer group starts from the oldest retained event unless `fromBeginning` is false. */
  async start(handle: EventBatchHandler, { fromBeginning = true } = {}): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: KAFKA_TOPICS.events.name, fromBeginning });
    await this.consumer.run({ eachBatchAutoResolve: true, eachBatch: handle });
  }

  /** Resolves once this consumer has joined its group and been assigned partitions. */
  joined(): Promise<void> {
    return new Promise((resolve) => {
      const off = this.consumer.on(this.consumer.events.GROUP_JOIN, () => {
        off();
        resolve();
      });
    });
  }

  stop(): Promise<void> {
    return this.consumer.disconnect();
  }

  healthCheck(): HealthCheck {
    return {
      name: 'event-consumer',
      check: async () => {
        if (this.crashed) throw new Error(`consumer crashed: ${this.crashed.message}`);
      },
    };
  }
}
