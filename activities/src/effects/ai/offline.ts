import type { VarValue } from '@botflow/graph';
import type { FieldType, KnowledgeSource, LanguageModel } from './language-model.ts';

/**
 * A deterministic stand-in for a language model and a knowledge base, used until a provider is configured, and in
 * tests. It says what it is: replies start with "[offline model]" and answers are never grounded.
 */
export const offlineLanguageModel: LanguageModel = {
  async reply({ prompt }) {
    const echo = prompt.trim().replace(/\s+/g, ' ');
    const brief = echo.length > 80 ? `${echo.slice(0, 79)}…` : echo;
    return `[offline model] No language model is connected yet. You wrote: "${brief}"`;
  },

  async classify({ text, intents }) {
    const said = words(text);
    if (said.size === 0) return { intent: null, confidence: 0 };
    let best: { intent: string | null; confidence: number } = { intent: null, confidence: 0 };
    for (const intent of intents) {
      const known = words(`${intent.id.replace(/_/g, ' ')} ${intent.description}`);
      const overlap = [...said].filter((w) => known.has(w)).length;
      const confidence = Math.round((overlap / said.size) * 100) / 100;
      if (confidence > best.confidence) best = { intent: intent.id, confidence };
    }
    return best;
  },

  async extract({ text, fields }) {
    return Object.fromEntries(fields.map((f) => [f.name, extractOne(text, f.type)]));
  },
};

export const offlineKnowledgeSource: KnowledgeSource = {
  async answer() {
    return { answer: "[offline] I don't have a knowledge base connected yet.", sources: [], grounded: false };
  },
};

const STOP_WORDS = new Set(
  'about and are can could for from have hello how like please the that this want what when where which with would you your'.split(
    ' ',
  ),
);

/** Lower-case content words of three letters or more, a plural "s" dropped: enough for keyword overlap. */
function words(text: string): Set<string> {
  const all = text.toLowerCase().split(/[^\p{L}\p{N}]+/u);
  return new Set(
    all
      .filter((w) => w.length >= 3 && !STOP_WORDS.has(w))
      .map((w) => (w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w)),
  );
}

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const DATE = /\b\d{4}-\d{2}-\d{2}\b/;
const PHONE = /\+?\d[\d ().-]{5,}\d/;
const NUMBER = /-?\d+(?:\.\d+)?/;

function extractOne(text: string, type: FieldType): VarValue {
  switch (type) {
    case 'email':
      return EMAIL.exec(text)?.[0] ?? null;
    case 'date':
      return DATE.exec(text)?.[0] ?? null;
    case 'phone':
      return phone(text);
    case 'number': {
      const rest = text.replace(new RegExp(EMAIL, 'g'), ' ').replace(new RegExp(DATE, 'g'), ' ');
      const withoutPhones = rest.replace(new RegExp(PHONE, 'g'), (m) => (digits(m).length >= 7 ? ' ' : m));
      const found = NUMBER.exec(withoutPhones)?.[0];
      return found === undefined ? null : Number(found);
    }
    case 'boolean':
      if (/\b(?:yes|yeah|yep|sure|ok|okay|true)\b/i.test(text)) return true;
      return /\b(?:no|nope|false)\b/i.test(text) ? false : null;
    case 'string':
      return null;
  }
}

function phone(text: string): string | null {
  for (const match of text.matchAll(new RegExp(PHONE, 'g'))) {
    const d = digits(match[0]);
    if (d.length >= 7 && d.length <= 15) return `${match[0].trimStart().startsWith('+') ? '+' : ''}${d}`;
  }
  return null;
}

function digits(text: string): string {
  return text.replace(/\D/g, '');
}
