// Readiness probe for the local Kafka broker, run by deploy/local/stack: creates the product's topics, then proves
// the broker is usable (a produce is acknowledged and a consumer group can join), which an open port does not.
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { KAFKA_TOPICS } from '../../packages/contracts/src/kafka-topics.ts';

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const kafka = new Kafka({ clientId: 'botflow-probe', brokers, logLevel: logLevel.NOTHING, retry: { retries: 2 } });
const probeTopic = 'botflow.probe';

const admin = kafka.admin();
await admin.connect();
try {
  const wanted = [...Object.values(KAFKA_TOPICS), { name: probeTopic, partitions: 1 }];
  const existing = new Set(await admin.listTopics());
  const missing = wanted.filter((t) => !existing.has(t.name));
  if (missing.length > 0) {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((t) => ({ topic: t.name, numPartitions: t.partitions, replicationFactor: 1 })),
    });
  }
} finally {
  await admin.disconnect();
}

const producer = kafka.producer({
  idempotent: true,
  maxInFlightRequests: 1,
  createPartitioner: Partitioners.DefaultPartitioner,
});
await producer.connect();
await producer.send({ topic: probeTopic, acks: -1, messages: [{ value: String(Date.now()) }] });
await producer.disconnect();

const consumer = kafka.consumer({ groupId: 'botflow-probe', sessionTimeout: 6000, heartbeatInterval: 500 });
await consumer.connect();
try {
  await consumer.subscribe({ topic: probeTopic });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.run({ eachMessage: async () => {} });
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('group join timed out')), 15000));
  await Promise.race([joined, timeout]);
} finally {
  await consumer.disconnect();
}
