import { create, toBinary, type MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import { KAFKA_TOPICS, type ConversationRef } from '@botflow/contracts';
import { Prisma } from '@botflow/db';
import { EventSchema } from '@botflow/proto';
import { deterministicUuid } from '../deterministic-id.ts';

export const EVENT_SCHEMA_VERSION = 1;

export interface OutboxEvent {
  /** A name unique to this event (e.g. `received:<wamid>`): its id is derived from it. */
  name: string;
  occurredAt: number;
  payload: NonNullable<MessageInitShape<typeof EventSchema>['payload']>;
}

/** Rows for the transactional outbox: written with the state change they describe, published by the relay. */
/** What an event says about where it happened: the conversation and its bot. */
export type EventScope = Pick<
  ConversationRef,
  'id' | 'workflowId' | 'phoneNumberId' | 'organizationId' | 'botId' | 'botVersion'
>;

export function outboxInsert(scope: EventScope, events: OutboxEvent[]): Prisma.Sql | null {
  if (events.length === 0) return null;
  const rows = events.map((e) => {
    const id = deterministicUuid(e.name);
    const event = create(EventSchema, {
      id,
      occurredAt: timestampFromMs(e.occurredAt),
      organizationId: scope.organizationId,
      botId: scope.botId,
      botVersion: scope.botVersion,
      conversationId: scope.id,
      phoneNumberId: scope.phoneNumberId,
      workflowId: scope.workflowId,
      payload: e.payload,
    });
    const type = e.payload.case ?? 'unknown';
    return Prisma.sql`(${id}::uuid, ${KAFKA_TOPICS.events.name}, ${scope.workflowId}, ${type}, ${EVENT_SCHEMA_VERSION}, ${Buffer.from(toBinary(EventSchema, event))})`;
  });
  return Prisma.sql`
    INSERT INTO event_outbox (id, topic, key, type, schema_version, payload)
    VALUES ${Prisma.join(rows)}
    ON CONFLICT (id) DO NOTHING`;
}
