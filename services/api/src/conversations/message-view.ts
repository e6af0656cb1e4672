/** A stored message as the inbox shows it (a row of `messages`, whichever way it went). */
export interface MessageRow {
  id: string;
  direction: 'in' | 'out';
  wamid: string | null;
  idempotencyKey: string | null;
  replyToWamid: string | null;
  type: string;
  payload: unknown;
  status: string | null;
  statusAt: Date | null;
  error: unknown;
  agent: string | null;
  acceptedAt: Date | null;
  createdAt: Date;
}

/**
 * Who wrote it and where it stands: a customer's message is `received`; an outbound one is `queued` until WhatsApp
 * accepts it, `accepted` until its first status webhook, then `sent`, `delivered`, `read` or `failed`.
 */
export function messageView(row: MessageRow) {
  const outbound = row.direction === 'out';
  return {
    id: row.id,
    direction: row.direction,
    author: outbound ? (row.agent === null ? 'bot' : 'agent') : 'customer',
    agent: row.agent,
    type: row.type,
    text: messageText(row.direction, row.payload),
    content: row.payload,
    status: outbound ? (row.status ?? (row.wamid || row.acceptedAt ? 'accepted' : 'queued')) : 'received',
    statusAt: row.statusAt?.toISOString() ?? null,
    error: row.error ?? null,
    wamid: row.wamid,
    replyToWamid: row.replyToWamid,
    at: row.createdAt.toISOString(),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
  };
}

/** The words a person reads in the message: its text, a body or caption, a template's name. */
export function messageText(direction: 'in' | 'out', payload: unknown): string {
  const p = (payload !== null && typeof payload === 'object' ? payload : {}) as Record<string, unknown>;
  const text = (key: string) => {
    const value = p[key];
    return typeof value === 'string' ? value : undefined;
  };
  if (direction === 'in') return text('text') ?? '';
  switch (p['kind']) {
    case 'text':
      return text('text') ?? '';
    case 'media':
      return text('caption') ?? text('link') ?? '';
    case 'template':
      return `[template ${text('name') ?? ''}]`;
    default:
      return text('body') ?? '';
  }
}

/** Oldest first; a turn's replies share their recording time, so their keys (`<conversation>:<turn>:<n>`) order them. */
export function chronological(a: MessageRow, b: MessageRow): number {
  return (
    a.createdAt.getTime() - b.createdAt.getTime() ||
    (a.direction === b.direction ? 0 : a.direction === 'in' ? -1 : 1) ||
    keyPosition(a.idempotencyKey) - keyPosition(b.idempotencyKey) ||
    a.id.localeCompare(b.id)
  );
}

function keyPosition(key: string | null): number {
  const match = /:(\d+):(\d+)$/.exec(key ?? '');
  return match ? Number(match[1]) * 10_000 + Number(match[2]) : 0;
}
