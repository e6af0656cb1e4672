import { z } from 'zod';
import type { PrismaClient } from '@botflow/db';
import type { InboundMessage, OutboundContent, VarValue } from '@botflow/graph';
import { HttpError } from '@botflow/service-kit';

export interface RecordedConversation {
  id: string;
  contactKey: string;
  /** The contact's profile as the engine sees it (today's values: profiles are not versioned). */
  contactVars: Record<string, VarValue>;
  inbound: InboundMessage[];
  /** What the bot said, by the id (wamid) of the customer message it answered. */
  replies: Record<string, OutboundContent[]>;
  /** What the bot said on its own (a question timing out, a wait ending): not an answer to any message. */
  unprompted: OutboundContent[];
}

const inboundPayload = z.looseObject({
  text: z.string().catch(''),
  optionId: z.string().nullish().catch(null),
  location: z
    .object({
      latitude: z.number(),
      longitude: z.number(),
      name: z.string().optional(),
      address: z.string().optional(),
    })
    .optional()
    .catch(undefined),
  media: z.object({ id: z.string(), mimeType: z.string().optional() }).optional().catch(undefined),
});

const outboundPayload = z.looseObject({ kind: z.string() });

/** A conversation of the organisation with its messages as the replay needs them; 404 for anyone else's. */
export async function loadRecordedConversation(
  db: PrismaClient,
  organisationId: string,
  conversationId: string,
): Promise<RecordedConversation> {
  const conversation = await db.conversation.findFirst({
    where: { id: conversationId, channel: { organisationId } },
    include: { contact: true },
  });
  if (!conversation) throw new HttpError(404, `there is no conversation "${conversationId}" in this organisation`);
  const rows = await db.message.findMany({
    where: { conversationId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });

  const inbound: InboundMessage[] = [];
  for (const row of rows.filter((r) => r.direction === 'in' && r.wamid !== null)) {
    const p = inboundPayload.safeParse(row.payload);
    const payload = p.success ? p.data : { text: '' };
    inbound.push({
      id: row.wamid as string,
      type: row.type,
      text: payload.text,
      receivedAt: row.createdAt.getTime(),
      ...(payload.optionId ? { optionId: payload.optionId } : {}),
      ...(payload.location ? { location: payload.location } : {}),
      ...(payload.media ? { media: payload.media } : {}),
    });
  }

  const answered = new Set(inbound.map((m) => m.id));
  const replies: Record<string, OutboundContent[]> = {};
  const unprompted: OutboundContent[] = [];
  // Agents' messages are not the bot's: a replay compares only what the bot said.
  const outbound = rows.filter((r) => r.direction === 'out' && r.agent === null).sort(sentOrder);
  for (const row of outbound) {
    if (!outboundPayload.safeParse(row.payload).success) continue;
    const content = row.payload as unknown as OutboundContent;
    const to = row.replyToWamid;
    if (to !== null && answered.has(to)) (replies[to] ??= []).push(content);
    else unprompted.push(content);
  }

  const contact = conversation.contact;
  return {
    id: conversation.id,
    contactKey: contact.waId ?? `u.${contact.businessScopedUserId ?? ''}`,
    contactVars: contactVars(contact),
    inbound,
    replies,
    unprompted,
  };
}

interface SentRow {
  createdAt: Date;
  idempotencyKey: string | null;
}

/** One turn's replies are recorded in one transaction (same time): their keys `<conversation>:<turn>:<i>` order them. */
function sentOrder(a: SentRow, b: SentRow): number {
  const [ta, ia] = keyPosition(a.idempotencyKey);
  const [tb, ib] = keyPosition(b.idempotencyKey);
  return a.createdAt.getTime() - b.createdAt.getTime() || ta - tb || ia - ib;
}

function keyPosition(key: string | null): [number, number] {
  const match = /:(\d+):(\d+)$/.exec(key ?? '');
  return match ? [Number(match[1]), Number(match[2])] : [0, 0];
}

/** As the conversation saw the contact: saved profile fields, then the WhatsApp name and phone. */
function contactVars(contact: {
  name: string | null;
  phone: string | null;
  profile: unknown;
}): Record<string, VarValue> {
  const vars: Record<string, VarValue> = {};
  const profile = contact.profile !== null && typeof contact.profile === 'object' ? contact.profile : {};
  for (const [key, value] of Object.entries(profile as Record<string, VarValue>)) vars[`contact.${key}`] = value;
  vars['contact.name'] = contact.name ?? '';
  vars['contact.phone'] = contact.phone ?? '';
  return vars;
}
