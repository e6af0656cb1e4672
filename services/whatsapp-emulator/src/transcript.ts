import type { Chat, TranscriptEntry } from './state.ts';

const DAY_MS = 86_400_000;

export function isWindowOpen(chat: Chat, now = Date.now()): boolean {
  return chat.lastInboundAt !== undefined && now - chat.lastInboundAt < DAY_MS;
}

export function latestStatus(entry: TranscriptEntry): string | undefined {
  return entry.statuses.at(-1)?.status;
}

export function chatSummary(chat: Chat) {
  const last = chat.entries.at(-1);
  return {
    waId: chat.waId ?? null,
    userId: chat.userId ?? null,
    name: chat.name ?? null,
    messages: chat.entries.length,
    lastMessageAt: last?.at ?? null,
    windowOpen: isWindowOpen(chat),
  };
}

/** The JSON transcript: both directions in order, each with its id, statuses, timestamps and quoted id. */
export function chatTranscript(chat: Chat) {
  return {
    ...chatSummary(chat),
    conversationId: chat.conversationId,
    entries: chat.entries.map((entry) => ({ ...entry, status: latestStatus(entry) ?? null })),
  };
}
