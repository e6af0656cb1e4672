import { createHash } from 'node:crypto';
import type { BotDefinition } from '../definition.ts';
import { canonicalJson } from './canonical-json.ts';

/** The content hash that identifies a compiled definition (sha256, hex). */
export function contentHash(definition: BotDefinition): string {
  return createHash('sha256').update(canonicalJson(definition)).digest('hex');
}
