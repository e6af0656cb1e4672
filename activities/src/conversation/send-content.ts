import type { OutboundContent } from '@botflow/graph';
import type { SendContent } from '@botflow/whatsapp';

/** What the bot says, as the type-specific part of a Graph API send request. */
export function sendContent(content: OutboundContent): SendContent {
  switch (content.kind) {
    case 'text':
      return { type: 'text', text: { body: content.text } };
    case 'buttons':
      return {
        type: 'interactive',
        interactive: {
          type: 'button',
          ...(content.header ? { header: { type: 'text' as const, text: content.header } } : {}),
          body: { text: content.body },
          ...(content.footer ? { footer: { text: content.footer } } : {}),
          action: { buttons: content.buttons.map((b) => ({ type: 'reply' as const, reply: b })) },
        },
      };
    case 'list':
      return {
        type: 'interactive',
        interactive: {
          type: 'list',
          ...(content.header ? { header: { type: 'text' as const, text: content.header } } : {}),
          body: { text: content.body },
          ...(content.footer ? { footer: { text: content.footer } } : {}),
          action: { button: content.button, sections: content.sections },
        },
      };
    case 'media':
      return mediaContent(content);
    case 'template':
      return {
        type: 'template',
        template: {
          name: content.name,
          language: { code: content.language },
          ...(content.bodyParameters.length > 0
            ? {
                components: [
                  { type: 'body', parameters: content.bodyParameters.map((text) => ({ type: 'text' as const, text })) },
                ],
              }
            : {}),
        },
      };
    case 'location_request':
      return {
        type: 'interactive',
        interactive: {
          type: 'location_request_message',
          body: { text: content.body },
          action: { name: 'send_location' },
        },
      };
  }
}

type TemplateContent = Extract<OutboundContent, { kind: 'template' }>;

/** The template a free-form message falls back to outside the customer's 24-hour window, if its node gave one. */
export function fallbackContent(content: OutboundContent): TemplateContent | undefined {
  if (content.kind === 'template' || content.kind === 'location_request' || !content.fallback) return undefined;
  const { name, language, bodyParameters } = content.fallback;
  return { kind: 'template', name, language, bodyParameters };
}

function mediaContent(content: Extract<OutboundContent, { kind: 'media' }>): SendContent {
  const caption = content.caption ? { caption: content.caption } : {};
  switch (content.mediaType) {
    case 'image':
      return { type: 'image', image: { link: content.link, ...caption } };
    case 'video':
      return { type: 'video', video: { link: content.link, ...caption } };
    case 'document':
      return {
        type: 'document',
        document: { link: content.link, ...caption, ...(content.filename ? { filename: content.filename } : {}) },
      };
    case 'audio':
      return { type: 'audio', audio: { link: content.link } };
    case 'sticker':
      return { type: 'sticker', sticker: { link: content.link } };
  }
}
