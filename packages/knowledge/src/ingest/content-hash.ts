import { createHash } from 'node:crypto';

/** Hex SHA-256 of the raw bytes: the same file uploaded twice has the same hash. */
export function contentSha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
