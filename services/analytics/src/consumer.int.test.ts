import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { KAFKA_TOPICS } from '@botflow/contracts';
import { EventSchema } from '@botflow/proto';
import { createLogger } from '@botflow/service-kit';
import { loadAnalyticsConfig } from './config.ts';
import { EventConsumer } from './consumer.ts';

const config = loadAnalyticsConfig();
const kafka = new Kafka({ clientId: 'analytics-test', brokers: config.KAFKA_BROKERS, logLevel: logLevel.NOTHING });
const consumer = new EventConsumer(kafka, `analytics-test-${randomUUID()}`, createLogger('test', 'silent'));
const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });

afterAll(async () => {
  await consumer.stop();
  await producer.disconnect();
});

describe('event consumer on the real Kafka broker', () => {
  it('receives what was produced to the event topic and stays healthy', async () => {
    const eventId = randomUUID();
    const received = new Promise<Uint8Array>((resolve) => {
      void consumer.start(async ({ batch }) => {
        for (const message of batch.messages) {
          if (message.key?.toString() === eventId && message.value) resolve(message.value);
        }
      });
    });
    // A real event (the topic's readers expect protobuf), for a bot no other test uses.
    const event = create(EventSchema, {
      id: eventId,
      botId: `probe-${eventId}`,
      payload: { case: 'conversationStarted', value: {} },
    });
    await producer.connect();
    await producer.send({
      topic: KAFKA_TOPICS.events.name,
      acks: -1,
      messages: [{ key: eventId, value: Buffer.from(toBinary(EventSchema, event)) }],
    });
    expect(fromBinary(EventSchema, await received).id).toBe(eventId);
    await expect(consumer.healthCheck().check()).resolves.toBeUndefined();
  });
});
