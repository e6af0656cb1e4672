// The Temporal floor's workflow: the least a durable conversation can do per message. Taken by signal-with-start,
// answered by one local activity, then waiting for the next message under a session timer: the same history shape
// as a BotFlow conversation, without the bot engine, the database records, the outbox or the send pacing.
import { condition, defineSignal, proxyLocalActivities, setHandler } from '@temporalio/workflow';

export interface FloorMessage {
  id: string;
  from: string;
  phoneNumberId: string;
}

export const floorMessageSignal = defineSignal<[FloorMessage]>('floorMessage');

const { replyToAll } = proxyLocalActivities<{ replyToAll(messages: FloorMessage[]): Promise<void> }>({
  startToCloseTimeout: '10s',
});

export async function floorConversation(): Promise<void> {
  const inbox: FloorMessage[] = [];
  setHandler(floorMessageSignal, (message) => void inbox.push(message));
  while (await condition(() => inbox.length > 0, '1h')) {
    await replyToAll(inbox.splice(0));
  }
}
