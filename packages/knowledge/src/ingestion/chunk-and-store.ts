import type { PrismaClient } from '@botflow/db';
import { chunkDocument, type ChunkOptions } from '../ingest/chunk-document.ts';
import { parseDocument } from '../ingest/parse-document.ts';
import { DocumentGone } from './errors.ts';
import { PARSED_PERCENT } from './progress.ts';

export interface ChunkAndStoreResult {
  chunkCount: number;
  /** False when an earlier attempt had already stored the chunks. */
  stored: boolean;
}

/**
 * Parses the document's bytes and stores every chunk (not yet embedded) in one transaction, so a crash leaves either
 * all of them or none; a retry after success finds `chunk_count` set and does nothing. Throws DocumentRejected (from
 * parsing) with a message for the owner, or DocumentGone.
 */
export async function chunkAndStore(
  db: PrismaClient,
  documentId: string,
  options: ChunkOptions & { maxBytes?: number } = {},
): Promise<ChunkAndStoreResult> {
  const document = await db.document.findUnique({
    where: { id: documentId },
    select: { chunkCount: true, filename: true, mimeType: true, tags: true, knowledgeBaseId: true, file: true },
  });
  if (!document) throw new DocumentGone(documentId);
  if (document.chunkCount !== null) return { chunkCount: document.chunkCount, stored: false };
  if (!document.file) throw new Error(`document ${documentId} has no stored content yet`);
  await db.document.update({ where: { id: documentId }, data: { status: 'processing', stage: 'parsing' } });

  const parsed = await parseDocument({
    bytes: document.file.content,
    ...(document.filename ? { filename: document.filename } : {}),
    ...(document.mimeType ? { mimeType: document.mimeType } : {}),
    ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
  });
  const chunks = chunkDocument(parsed, options);
  const metadata = chunks.map((chunk) => JSON.stringify({ headingPath: chunk.headingPath, tags: document.tags }));

  return db.$transaction(
    async (tx) => {
      // Locks the row: a deletion waits for this transaction, or has already happened and stops it here.
      const [current] = await tx.$queryRaw<{ chunk_count: number | null }[]>`
      SELECT chunk_count FROM documents WHERE id = ${documentId} FOR UPDATE`;
      if (!current) throw new DocumentGone(documentId);
      if (current.chunk_count !== null) return { chunkCount: current.chunk_count, stored: false };
      await tx.$executeRaw`
      INSERT INTO chunks (id, document_id, knowledge_base_id, position, content, token_count, metadata)
      SELECT ${documentId} || ':' || position, ${documentId}, ${document.knowledgeBaseId}, position, content,
        token_count, metadata::jsonb
      FROM unnest(${chunks.map((c) => c.position)}::int[], ${chunks.map((c) => c.text)}::text[],
        ${chunks.map((c) => c.tokenCount)}::int[], ${metadata}::text[]) AS seed(position, content, token_count, metadata)
      ON CONFLICT (document_id, position) DO NOTHING`;
      await tx.document.update({
        where: { id: documentId },
        data: {
          title: parsed.title,
          mimeType: parsed.mimeType,
          pageCount: parsed.pages ?? null,
          chunkCount: chunks.length,
          embeddedCount: 0,
          stage: 'embedding',
          progress: PARSED_PERCENT,
        },
      });
      return { chunkCount: chunks.length, stored: true };
    },
    { timeout: 120_000 },
  ); // tens of thousands of rows (and their full-text entries) for a 20 MB document
}
