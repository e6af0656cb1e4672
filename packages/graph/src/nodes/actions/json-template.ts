import { displayValue, type VarValue } from '../../variables.ts';

const PLACEHOLDER_AT = /\{\{\s*([\w.]+)\s*\}\}/y;

/**
 * Fills `{{…}}` in JSON text so that the result stays valid JSON whatever the values hold: inside a string literal a
 * value goes in escaped (`"Hi {{name}}"`), outside one as a JSON value (`{"tags": {{tags}}}`; null when unset).
 */
export function interpolateJson(template: string, lookup: (path: string) => VarValue | undefined): string {
  let out = '';
  let inString = false;
  let i = 0;
  while (i < template.length) {
    PLACEHOLDER_AT.lastIndex = i;
    const match = PLACEHOLDER_AT.exec(template);
    if (match) {
      const value = lookup(match[1] as string);
      out += inString ? JSON.stringify(displayValue(value)).slice(1, -1) : JSON.stringify(value ?? null);
      i += match[0].length;
      continue;
    }
    const ch = template[i] as string;
    if (inString && ch === '\\') {
      out += template.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (ch === '"') inString = !inString;
    out += ch;
    i += 1;
  }
  return out;
}

/** A body the owner wrote as JSON (an object or a list) rather than plain text. */
export function looksLikeJson(template: string): boolean {
  return /^\s*[[{]/.test(template);
}

/** null when the template is valid JSON once its placeholders are filled, else why not. */
export function jsonTemplateProblem(template: string): string | null {
  try {
    JSON.parse(interpolateJson(template, () => undefined));
    return null;
  } catch (err) {
    return `this is not valid JSON (${err instanceof Error ? err.message : String(err)})`;
  }
}
