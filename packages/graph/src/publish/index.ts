// Server-side helpers (Node built-ins allowed); the package root stays importable from workflow code.
export { canonicalJson } from './canonical-json.ts';
export { contentHash } from './content-hash.ts';
