import type { InboundMessage, SendRequest } from '@botflow/whatsapp';
import { html, raw, type SafeHtml } from './html.ts';
import { renderInbound, renderOutbound } from './render-message.ts';
import type { Chat, TranscriptEntry } from './state.ts';
import { chatSummary, isWindowOpen, latestStatus } from './transcript.ts';

const STYLE = `
body{font:15px system-ui,sans-serif;margin:0;background:#efeae2;color:#111}
header{position:sticky;top:0;background:#075e54;color:#fff;padding:10px 16px}header a{color:#cde}
main{padding:12px 16px 90px;display:flex;flex-direction:column;gap:8px;max-width:760px;margin:auto}
.msg{max-width:75%;padding:6px 10px;border-radius:8px;box-shadow:0 1px 1px #0002;overflow-wrap:anywhere}
.in{align-self:flex-start;background:#fff}.out{align-self:flex-end;background:#d9fdd3}
.msg p{margin:2px 0;white-space:pre-wrap}.meta,.quote{font-size:11px;color:#667}.quote{border-left:3px solid #25d366;padding-left:6px}
.header{font-weight:600}.footer,.media{color:#556;font-size:13px}.failed{color:#c00}.read{color:#34b7f1}
.buttons,.list{border-top:1px solid #0001;margin-top:6px}.tap{margin:4px 0}.tap button{width:100%;background:#fff;border:1px solid #ccd;border-radius:6px;padding:6px;color:#027eb5;cursor:pointer}
.tap small{display:block;color:#667}h4{margin:6px 0 2px;font-size:12px;color:#075e54}
form.composer{position:fixed;bottom:0;left:0;right:0;display:flex;gap:8px;padding:10px 16px;background:#f0f2f5}
form.composer input{flex:1;padding:8px;border-radius:18px;border:1px solid #ccd}
table{border-collapse:collapse;margin:16px}td,th{padding:4px 10px;border-bottom:1px solid #ccd;text-align:left}`;

const TICKS: Record<string, string> = {
  accepted: '🕓',
  sent: '✓',
  delivered: '✓✓',
  read: '✓✓',
  played: '✓✓ ▶',
  failed: '✗',
};

function layout(title: string, nonce: string, body: SafeHtml, refresh: boolean): string {
  const script = refresh
    ? html`<script nonce="${nonce}">
        window.scrollTo(0, document.body.scrollHeight);
        setInterval(() => {
          const t = document.querySelector('input[name=text]');
          if (!t || t.value === '') location.reload();
        }, 2000);
      </script>`
    : '';
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>${title}</title>
        <style nonce="${nonce}">
          ${raw(STYLE)}
        </style>
      </head>
      <body>
        ${body}${script}
      </body>
    </html>`.html;
}

function entryHtml(chat: Chat, entry: TranscriptEntry, replyAction: string): SafeHtml {
  const quoted = entry.contextId ? chat.entries.find((e) => e.wamid === entry.contextId) : undefined;
  const quote = entry.contextId
    ? html`<div class="quote">
        ↪ ${quoted ? `${quoted.direction === 'inbound' ? 'customer' : 'business'} ${quoted.type}` : 'message'}
        ${entry.contextId.slice(0, 24)}…
      </div>`
    : '';
  const body =
    entry.direction === 'outbound'
      ? renderOutbound(entry.message as SendRequest, replyAction)
      : renderInbound(entry.message as InboundMessage);
  const status = latestStatus(entry);
  const failure = entry.statuses.find((s) => s.errors)?.errors?.[0];
  const tick =
    entry.direction === 'outbound'
      ? html` <span class="${status === 'read' || status === 'played' ? 'read' : status === 'failed' ? 'failed' : ''}"
          >${TICKS[status ?? ''] ?? ''}</span
        >`
      : entry.webhookDelivered === false
        ? html` <span class="failed">webhook not acknowledged</span>`
        : status === 'read'
          ? ' · read by bot'
          : '';
  return html`<div class="msg ${entry.direction === 'inbound' ? 'in' : 'out'}" id="${entry.wamid}">
    ${quote}${body}
    <div class="meta">
      ${new Date(entry.at).toLocaleTimeString()}${tick}${failure ? html` <span class="failed">${failure.code} ${failure.title}</span>` : ''}
    </div>
  </div>`;
}

/** The transcript as the customer sees it, with buttons and list rows that answer when tapped. */
export function renderChatPage(chat: Chat, key: string, nonce: string): string {
  const action = `/chats/${encodeURIComponent(key)}/reply`;
  const who = chat.name
    ? `${chat.name} (${chat.waId ? `+${chat.waId}` : chat.userId})`
    : `+${chat.waId ?? chat.userId}`;
  const body = html`<header>
      <b>${who}</b> · 24 h window ${isWindowOpen(chat) ? 'open' : 'closed'} · <a href="/chats">all chats</a>
    </header>
    <main>${chat.entries.map((entry) => entryHtml(chat, entry, action))}</main>
    <form method="post" action="${action}" class="composer">
      <input type="hidden" name="kind" value="text" />
      <input name="text" autocomplete="off" placeholder="Reply as the customer" autofocus required /><button
        type="submit"
      >
        Send
      </button>
    </form>`;
  return layout(`Chat with ${who} — WhatsApp emulator`, nonce, body, true);
}

export function renderChatIndex(chats: Chat[], nonce: string): string {
  const rows = chats.map((chat) => {
    const s = chatSummary(chat);
    const key = chat.waId ?? chat.userId ?? '';
    return html`<tr>
      <td><a href="/chats/${encodeURIComponent(key)}">${s.name ?? key}</a></td>
      <td>${key}</td>
      <td>${s.messages}</td>
      <td>${s.lastMessageAt ?? ''}</td>
    </tr>`;
  });
  const body = html`<header><b>WhatsApp emulator</b> · chats</header>
    <table>
      <tr>
        <th>Customer</th>
        <th>Id</th>
        <th>Messages</th>
        <th>Last message</th>
      </tr>
      ${rows}
    </table>
    <form method="post" action="/chats" class="composer">
      <input name="waId" placeholder="Customer phone, e.g. 15551234567" required pattern="[0-9+ ]+" />
      <input name="text" placeholder="First message" required /><button type="submit">Start chat</button>
    </form>`;
  return layout('Chats — WhatsApp emulator', nonce, body, true);
}
