import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { KAFKA_TOPICS } from '@botflow/contracts';
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
    const received = new Promise<string>((resolve) => {
      void consumer.start(async ({ batch }) => {
        for (const message of batch.messages) {
          if (message.key?.toString() === eventId) resolve(message.value?.toString() ?? '');
        }
      });
    });
    await producer.connect();
    await producer.send({
      topic: KAFKA_TOPICS.events.name,
      acks: -1,
      messages: [{ key: eventId, value: JSON.stringify({ id: eventId }) }],
    });
    expect(JSON.parse(await received)).toEqual({ id: eventId });
    await expect(consumer.healthCheck().check()).resolves.toBeUndefined();
  });
});
