const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;

/** Replaces `{{name}}` with the variable's value; an unknown variable becomes an empty string. */
export function interpolate(template: string, vars: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (_, name: string) => vars[name] ?? '');
}
