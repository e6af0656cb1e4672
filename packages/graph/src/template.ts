import { displayValue, type VarValue } from './variables.ts';

/** `{{name}}`, `{{contact.city}}`, `{{bot.address}}`, `{{system.now}}`: spaces inside the braces are allowed. */
export const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;

/** Replaces each placeholder with its variable's value; an unknown or empty variable becomes an empty string. */
export function interpolate(template: string, lookup: (path: string) => VarValue | undefined): string {
  return template.replace(PLACEHOLDER, (_, path: string) => displayValue(lookup(path)));
}

/** The variable paths a template refers to, in order of appearance. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}
