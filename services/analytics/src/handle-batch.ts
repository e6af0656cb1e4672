import { fromBinary } from '@bufbuild/protobuf';
import type { EachBatchPayload, Producer } from 'kafkajs';
import { KAFKA_TOPICS } from '@botflow/contracts';
import type { PrismaClient } from '@botflow/db';
import { EventSchema, type Event } from '@botflow/proto';
import type { Logger } from '@botflow/service-kit';
import { applyEvents } from './aggregate.ts';

/**
 * Decodes a batch, parks undecodable records on the dead-letter topic (never blocking the partition), applies the
 * rest in one transaction, then lets the consumer commit the offsets.
 */
export function createBatchHandler(db: PrismaClient, deadLetters: Producer, log: Logger) {
  return async (payload: EachBatchPayload): Promise<void> => {
    const { batch } = payload;
    const events: Event[] = [];
    const undecodable = [];
    for (const message of batch.messages) {
      try {
        events.push(fromBinary(EventSchema, message.value ?? new Uint8Array()));
      } catch (err) {
        log.warn(
          { err, offset: message.offset, partition: batch.partition },
          'undecodable event sent to the dead-letter topic',
        );
        undecodable.push({
          key: message.key,
          value: message.value,
          headers: { ...message.headers, 'source-offset': message.offset },
        });
      }
    }
    if (undecodable.length > 0) {
      await deadLetters.send({ topic: KAFKA_TOPICS.eventsDeadLetter.name, acks: -1, messages: undecodable });
    }
    await applyEvents(db, events);
    const last = batch.messages.at(-1);
    if (last) payload.resolveOffset(last.offset);
    await payload.heartbeat();
  };
}
