export { parseDocument, DEFAULT_MAX_DOCUMENT_BYTES, type ParseInput } from './parse-document.ts';
export { detectFormat } from './detect.ts';
export { chunkDocument, type Chunk, type ChunkOptions } from './chunk-document.ts';
export { contentSha256 } from './content-hash.ts';
export { DocumentRejected, type RejectionReason } from './rejected.ts';
export { estimateTokens, tokenCounter, type CountTokens } from './token-count.ts';
export type { Block, BlockKind, DocumentFormat, ParsedDocument, Section } from './types.ts';
