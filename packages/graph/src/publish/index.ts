// Server-side helpers (Node built-ins allowed); the package root stays importable from workflow code.
export { canonicalJson, contentHash } from './content-hash.ts';
