import type { z } from 'zod';

/** Zod's issues as sentences for owners: a missing option says which one to fill in. */
export function describeIssue(issue: z.core.$ZodIssue): { field: string; message: string } {
  const field = issue.path.map(String).join('.');
  const name = humanize(issue.path.filter((p) => typeof p === 'string').at(-1) ?? 'this option');
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
    return { field, message: `fill in ${name}` };
  }
  if (issue.code === 'invalid_type') return { field, message: `${name} should be a ${issue.expected}` };
  if (issue.code === 'unrecognized_keys') return { field, message: `unknown option ${issue.keys.join(', ')}` };
  return { field, message: issue.message };
}

function humanize(key: string): string {
  return `"${key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase()}"`;
}
