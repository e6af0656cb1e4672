/** WhatsApp's limit for one text message. */
export const WHATSAPP_TEXT_LIMIT = 4096;

/** A short answer reads well on a phone: the default length asked of the model and the cap of a quotation. */
export const DEFAULT_MAX_ANSWER_CHARS = 700;

/** Longest document title shown in a sources line or a quotation header. */
export const MAX_TITLE_CHARS = 80;

/** Cuts text to at most `max` characters at a word boundary when there is one, ending with "…" when cut. */
export function cutToLength(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, Math.max(0, max - 1));
  const lastSpace = room.search(/\s\S*$/);
  const cut = lastSpace > room.length / 2 ? room.slice(0, lastSpace) : room;
  return `${cut.trimEnd()}…`;
}

export function shortTitle(title: string): string {
  return cutToLength(title.replace(/\s+/g, ' ').trim(), MAX_TITLE_CHARS) || 'Untitled document';
}
