/** A variable's value: plain JSON, so engine state stays serialisable across continue-as-new. */
export type VarValue = string | number | boolean | null | VarValue[] | { [key: string]: VarValue };

export type VariableType = 'string' | 'number' | 'boolean' | 'json';

/**
 * Where a variable lives: `conversation` for this conversation only (referenced by bare name), `contact` for the
 * customer's profile, kept across conversations (referenced as `contact.<name>`).
 */
export type VariableScope = 'conversation' | 'contact';

export interface VariableDecl {
  name: string;
  scope: VariableScope;
  type: VariableType;
  default?: VarValue;
}

/** Read-only scopes filled by the engine: `bot.<field>` from the bot's settings, `system.now` and `system.channel`. */
export const READ_ONLY_SCOPES = ['bot', 'system'] as const;
export const SYSTEM_VARIABLES = { now: 'string', channel: 'string', today: 'string' } as const;

/** Contact fields every conversation has: the WhatsApp profile name and the customer's WhatsApp id. */
export const CONTACT_BUILTINS: VariableDecl[] = [
  { name: 'name', scope: 'contact', type: 'string' },
  { name: 'phone', scope: 'contact', type: 'string' },
];

/** Conversation variables the engine keeps itself: the text of the customer's latest message. */
export const CONVERSATION_BUILTINS: VariableDecl[] = [{ name: 'last_message', scope: 'conversation', type: 'string' }];

export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Splits `contact.city` into its scope and name; a bare name is a conversation variable. */
export function parseVariablePath(
  path: string,
): { scope: VariableScope | 'bot' | 'system'; name: string } | { error: string } {
  const parts = path.split('.');
  if (parts.length === 1 && VARIABLE_NAME.test(path)) return { scope: 'conversation', name: path };
  if (parts.length === 2) {
    const [scope, name] = parts as [string, string];
    if (!VARIABLE_NAME.test(name)) return { error: `"${name}" is not a valid variable name` };
    if (scope === 'contact' || scope === 'bot' || scope === 'system') return { scope, name };
    if (scope === 'conversation') return { scope: 'conversation', name };
    return { error: `"${scope}" is not a variable scope: use a bare name, contact., bot. or system.` };
  }
  return { error: `"${path}" is not a variable name: use letters, digits and _, e.g. customer_name or contact.city` };
}

/** The key a variable is stored under in engine state: bare for conversation variables, `contact.x` for profile. */
export function storageKey(path: string): string {
  return path.startsWith('conversation.') ? path.slice('conversation.'.length) : path;
}

export function zeroValue(type: VariableType): VarValue {
  switch (type) {
    case 'string':
      return '';
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'json':
      return null;
  }
}

/** How a value reads inside a message: numbers and booleans as written, objects as JSON, null as nothing. */
export function displayValue(value: VarValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
