import type { InboundMessage, SendRequest } from '@botflow/whatsapp';

/** A transcript entry as `GET /_emulator/chats/:waId` returns it. */
export interface TranscriptEntryJson {
  seq: number;
  direction: 'inbound' | 'outbound';
  wamid: string;
  type: string;
  status: string | null;
  statuses: { status: string; errors?: { code: number; title: string }[] }[];
  message: unknown;
}

export interface Option {
  kind: 'button' | 'list';
  id: string;
  title: string;
  description?: string;
}

/** The tappable choices of a business message, numbered from 1 in the order shown. */
export function optionsOf(entry: TranscriptEntryJson): Option[] {
  const sent = entry.message as SendRequest;
  if (entry.direction !== 'outbound' || sent.type !== 'interactive') return [];
  const i = sent.interactive;
  if (i.type === 'location_request_message') return [];
  return i.type === 'button'
    ? i.action.buttons.map((b) => ({ kind: 'button', id: b.reply.id, title: b.reply.title }))
    : i.action.sections.flatMap((s) =>
        s.rows.map((r) => ({
          kind: 'list' as const,
          id: r.id,
          title: r.title,
          ...(r.description ? { description: r.description } : {}),
        })),
      );
}

export function formatEntry(entry: TranscriptEntryJson): string {
  if (entry.direction === 'inbound') return `you › ${inboundText(entry.message as InboundMessage)}`;
  const sent = entry.message as SendRequest;
  const lines = [`bot › ${outboundText(sent)}`];
  optionsOf(entry).forEach((o, n) =>
    lines.push(`      #${n + 1} ${o.title}${o.description ? ` — ${o.description}` : ''}`),
  );
  return lines.join('\n');
}

export function formatFailure(entry: TranscriptEntryJson): string | undefined {
  const error = entry.statuses.find((s) => s.status === 'failed')?.errors?.[0];
  return error ? `      ✗ not delivered: ${error.code} ${error.title}` : undefined;
}

function outboundText(sent: SendRequest): string {
  switch (sent.type) {
    case 'text':
      return sent.text.body;
    case 'interactive': {
      const i = sent.interactive;
      if (i.type === 'location_request_message') return `${i.body.text}\n      [📍 Send location]`;
      const header = i.header?.type === 'text' ? `${i.header.text}\n      ` : '';
      const footer = i.footer ? `\n      (${i.footer.text})` : '';
      return `${header}${i.body.text}${footer}${i.type === 'list' ? `\n      [${i.action.button}]` : ''}`;
    }
    case 'template':
      return `[template ${sent.template.name} ${sent.template.language.code}]`;
    case 'reaction':
      return `[reacted ${sent.reaction.emoji}]`;
    case 'location':
      return `[location ${sent.location.name ?? ''} ${sent.location.latitude},${sent.location.longitude}]`;
    default: {
      const media = (sent as unknown as Record<string, { caption?: string; link?: string; id?: string }>)[sent.type];
      return `[${sent.type}] ${media?.caption ?? media?.link ?? media?.id ?? ''}`;
    }
  }
}

function inboundText(message: InboundMessage): string {
  if (message.type === 'text') return message.text.body;
  if (message.type === 'interactive')
    return `▸ ${message.interactive.type === 'button_reply' ? message.interactive.button_reply.title : message.interactive.list_reply.title}`;
  return `[${message.type}]`;
}
