/** What the bot says when a customer's words hand the conversation over and the owner set no reply of their own. */
export const DEFAULT_HUMAN_REPLY = 'A person from our team will reply here shortly.';

/**
 * The first of the bot's human keywords the text contains, or null. Case-insensitive and by whole words: "agent"
 * matches "Agent please!" but not "agents" or "reagent"; a keyword of several words matches them side by side.
 */
export function humanKeywordIn(text: string, keywords: readonly string[] | undefined): string | null {
  if (!keywords || keywords.length === 0) return null;
  const said = ` ${words(text)} `;
  for (const keyword of keywords) {
    const wanted = words(keyword);
    if (wanted !== '' && said.includes(` ${wanted} `)) return keyword;
  }
  return null;
}

function words(text: string): string {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
    .join(' ');
}
