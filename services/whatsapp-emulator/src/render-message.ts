import type { InboundMessage, SendRequest } from '@botflow/whatsapp';
import { html, type SafeHtml } from './html.ts';

/** A form that answers as the customer would by tapping: a reply button or a list row. */
function tapForm(action: string, kind: 'button' | 'list', id: string, title: string, description = ''): SafeHtml {
  return html`<form method="post" action="${action}" class="tap">
    <input type="hidden" name="kind" value="${kind}" /><input type="hidden" name="id" value="${id}" />
    <input type="hidden" name="title" value="${title}" /><input
      type="hidden"
      name="description"
      value="${description}"
    />
    <button type="submit">${title}${description ? html`<small>${description}</small>` : ''}</button>
  </form>`;
}

/** What the customer's phone shows for a message the business sent. */
export function renderOutbound(request: SendRequest, replyAction: string): SafeHtml {
  switch (request.type) {
    case 'text':
      return html`<p>${request.text.body}</p>`;
    case 'interactive': {
      const i = request.interactive;
      if (i.type === 'location_request_message') {
        return html`<p>${i.body.text}</p>
          <p class="media">[📍 Send location]</p>`;
      }
      const header =
        i.header?.type === 'text'
          ? html`<p class="header">${i.header.text}</p>`
          : i.header
            ? html`<p class="media">[${i.header.type}]</p>`
            : '';
      const footer = i.footer ? html`<p class="footer">${i.footer.text}</p>` : '';
      const options =
        i.type === 'button'
          ? html`<div class="buttons">
              ${i.action.buttons.map((b) => tapForm(replyAction, 'button', b.reply.id, b.reply.title))}
            </div>`
          : html`<details class="list">
              <summary>☰ ${i.action.button}</summary>
              ${i.action.sections.map(
                (s) =>
                  html`${s.title ? html`<h4>${s.title}</h4>` : ''}${s.rows.map((r) => tapForm(replyAction, 'list', r.id, r.title, r.description))}`,
              )}
            </details>`;
      return html`${header}
        <p>${i.body.text}</p>
        ${footer}${options}`;
    }
    case 'template': {
      const params = (request.template.components ?? []).flatMap((c) =>
        (c.parameters ?? []).map((p) => ('text' in p ? p.text : `[${p.type}]`)),
      );
      return html`<p class="media">Template <b>${request.template.name}</b> (${request.template.language.code})</p>
        ${params.length ? html`<p>${params.join(' · ')}</p>` : ''}`;
    }
    case 'image':
    case 'video':
    case 'document': {
      const media =
        request.type === 'image' ? request.image : request.type === 'video' ? request.video : request.document;
      return html`<p class="media">[${request.type}] ${media.link ?? `media ${media.id ?? ''}`}</p>
        ${media.caption ? html`<p>${media.caption}</p>` : ''}`;
    }
    case 'audio':
    case 'sticker':
      return html`<p class="media">[${request.type}]</p>`;
    case 'reaction':
      return html`<p class="media">
        reacted ${request.reaction.emoji || '(removed)'} to ${request.reaction.message_id}
      </p>`;
    case 'location':
      return html`<p>
        📍 ${request.location.name ?? ''} ${request.location.address ?? ''} (${request.location.latitude},
        ${request.location.longitude})
      </p>`;
    default:
      return html`<p class="media">[${(request as { type: string }).type}]</p>`;
  }
}

/** What the business receives from the customer. */
export function renderInbound(message: InboundMessage): SafeHtml {
  switch (message.type) {
    case 'text':
      return html`<p>${message.text.body}</p>`;
    case 'interactive': {
      const reply =
        message.interactive.type === 'button_reply' ? message.interactive.button_reply : message.interactive.list_reply;
      return html`<p>▸ ${reply.title} <small>(${reply.id})</small></p>`;
    }
    case 'button':
      return html`<p>▸ ${message.button.text} <small>(${message.button.payload})</small></p>`;
    case 'image':
    case 'video':
    case 'document':
    case 'audio':
    case 'sticker': {
      const media = (message as unknown as Record<string, { caption?: string; mime_type?: string }>)[message.type];
      return html`<p class="media">[${message.type} ${media?.mime_type ?? ''}]</p>
        ${media?.caption ? html`<p>${media.caption}</p>` : ''}`;
    }
    case 'location':
      return html`<p>
        📍 ${message.location.name ?? ''} (${message.location.latitude}, ${message.location.longitude})
      </p>`;
    case 'contacts':
      return html`<p class="media">contact: ${message.contacts.map((c) => c.name.formatted_name).join(', ')}</p>`;
    case 'reaction':
      return html`<p class="media">
        reacted ${message.reaction.emoji || '(removed)'} to ${message.reaction.message_id}
      </p>`;
    default:
      return html`<p class="media">[${(message as { type: string }).type}]</p>`;
  }
}
