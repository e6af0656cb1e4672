export { addDocument, storeFetchedContent, type AddedDocument, type NewDocument } from './add-document.ts';
export { chunkAndStore, type ChunkAndStoreResult } from './chunk-and-store.ts';
export { embedPending, type EmbedPendingOptions, type EmbedPendingResult } from './embed-pending.ts';
export { DocumentGone, EmbeddingModelMismatch } from './errors.ts';
export { failDocument, finishDocument } from './finish-document.ts';
export { embeddingProgress, PARSED_PERCENT } from './progress.ts';
export { beginReindex } from './reindex.ts';
