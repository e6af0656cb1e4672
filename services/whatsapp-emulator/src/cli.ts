import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { formatEntry, formatFailure, optionsOf, type TranscriptEntryJson } from './cli-format.ts';

const USAGE = `usage: node services/whatsapp-emulator/src/cli.ts chat <waId> [name]
       node services/whatsapp-emulator/src/cli.ts send <waId> <text...>
The emulator is reached at $EMULATOR_URL (default http://127.0.0.1:3100). In a chat, #2 taps the second option.`;

const base = (process.env.EMULATOR_URL ?? 'http://127.0.0.1:3100').replace(/\/$/, '');

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: await response.json().catch(() => null) };
}

async function transcript(waId: string): Promise<TranscriptEntryJson[]> {
  const { status, json } = await call('GET', `/_emulator/chats/${encodeURIComponent(waId)}`);
  return status === 200 ? (json as { entries: TranscriptEntryJson[] }).entries : [];
}

async function send(waId: string, body: Record<string, unknown>): Promise<void> {
  const { status, json } = await call('POST', `/_emulator/customers/${encodeURIComponent(waId)}/messages`, body);
  const result = json as { delivered?: boolean; status?: number | null; error?: string };
  if (status !== 200) console.error(`emulator answered ${status}: ${JSON.stringify(json)}`);
  else if (!result.delivered)
    console.error(`(bot did not acknowledge the webhook: ${result.status ?? result.error}; the emulator will retry)`);
}

async function chat(waId: string, name?: string): Promise<void> {
  const printed = new Set<number>();
  const failures = new Set<number>();
  let latest: TranscriptEntryJson[] = [];
  let open = true;
  const poll = async () => {
    while (open) {
      latest = await transcript(waId).catch(() => latest);
      for (const entry of latest) {
        if (!printed.has(entry.seq) && entry.direction === 'outbound') console.log(formatEntry(entry));
        printed.add(entry.seq);
        const failure = formatFailure(entry);
        if (failure && !failures.has(entry.seq)) console.log(failure);
        if (failure) failures.add(entry.seq);
      }
      await sleep(500);
    }
  };
  const polling = poll();
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    const text = line.trim();
    if (text === '') continue;
    const tap = /^#(\d+)$/.exec(text);
    const lastWithOptions = [...latest].reverse().find((e) => optionsOf(e).length > 0);
    const offered = lastWithOptions ? optionsOf(lastWithOptions) : [];
    const option = tap ? offered[Number(tap[1]) - 1] : undefined;
    const who = name ? { name } : {};
    if (option?.kind === 'button') await send(waId, { buttonReply: { id: option.id, title: option.title }, ...who });
    else if (option?.kind === 'list') await send(waId, { listReply: { id: option.id, title: option.title }, ...who });
    else await send(waId, { text, ...who });
  }
  open = false;
  await polling;
}

const [command, waId, ...rest] = process.argv.slice(2);
if (command === 'chat' && waId) {
  console.log(`chatting as +${waId} with the bot behind ${base} (Ctrl-D to leave)`);
  await chat(waId, rest[0]);
} else if (command === 'send' && waId && rest.length > 0) {
  const { json } = await call('POST', `/_emulator/customers/${encodeURIComponent(waId)}/messages`, {
    text: rest.join(' '),
  });
  console.log(JSON.stringify(json));
} else {
  console.error(USAGE);
  process.exitCode = 2;
}
