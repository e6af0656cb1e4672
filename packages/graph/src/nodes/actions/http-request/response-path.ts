import type { VarValue } from '../../../variables.ts';

/** `status` is the HTTP status; any other dotted path (`data.items.0.name`) reads the JSON body; null when absent. */
export function readResponse(response: Record<string, VarValue>, path: string): VarValue {
  if (path === 'status') return response['status'] ?? null;
  let current: VarValue | undefined = response['body'];
  for (const key of path.split('.')) {
    if (Array.isArray(current) && /^\d+$/.test(key)) current = current[Number(key)];
    else if (isRecord(current) && Object.hasOwn(current, key)) current = current[key];
    else return null;
  }
  return current ?? null;
}

function isRecord(value: VarValue | undefined): value is { [key: string]: VarValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
