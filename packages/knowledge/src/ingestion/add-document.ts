import { Prisma, type Document, type PrismaClient } from '@botflow/db';
import { contentSha256 } from '../ingest/content-hash.ts';

export type NewDocument =
  | { kind: 'upload'; bytes: Uint8Array; filename?: string; mimeType?: string; tags?: string[] }
  | { kind: 'url'; url: string; tags?: string[] }
  | { kind: 'answer'; question: string; answer: string; tags?: string[] };

export interface AddedDocument {
  document: Document;
  /** False when the knowledge base already had this content (or URL): nothing new is stored or ingested. */
  created: boolean;
}

/**
 * Records a document and its bytes in one transaction. The same file (by content hash) or the same URL added again is
 * a no-op that returns the existing document, also when two requests race.
 */
export async function addDocument(
  db: PrismaClient,
  knowledgeBaseId: string,
  input: NewDocument,
): Promise<AddedDocument> {
  const { data, content } = describe(input);
  const existing = () =>
    db.document.findUnique({
      where: { knowledgeBaseId_contentSha256: { knowledgeBaseId, contentSha256: data.contentSha256 } },
    });
  const found = await existing();
  if (found) return { document: found, created: false };
  try {
    const document = await db.document.create({
      data: {
        ...data,
        knowledgeBaseId,
        ...(content ? { file: { create: { content: Buffer.from(content) } } } : {}),
      },
    });
    return { document, created: true };
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) throw error;
    const raced = await existing();
    if (!raced) throw error;
    return { document: raced, created: false };
  }
}

/** The fetched page or file of a URL document, stored before parsing. */
export async function storeFetchedContent(
  db: PrismaClient,
  documentId: string,
  fetched: { bytes: Uint8Array; mimeType?: string; filename?: string },
): Promise<void> {
  await db.$transaction([
    db.documentFile.upsert({
      where: { documentId },
      create: { documentId, content: Buffer.from(fetched.bytes) },
      update: { content: Buffer.from(fetched.bytes) },
    }),
    db.document.update({
      where: { id: documentId },
      data: {
        sizeBytes: fetched.bytes.byteLength,
        ...(fetched.mimeType ? { mimeType: fetched.mimeType } : {}),
        ...(fetched.filename ? { filename: fetched.filename } : {}),
      },
    }),
  ]);
}

function describe(input: NewDocument) {
  const tags = input.tags ?? [];
  switch (input.kind) {
    case 'upload':
      return {
        content: input.bytes,
        data: {
          sourceType: 'upload' as const,
          filename: input.filename ?? null,
          mimeType: input.mimeType ?? null,
          title: input.filename ?? '',
          contentSha256: contentSha256(input.bytes),
          sizeBytes: input.bytes.byteLength,
          tags,
        },
      };
    case 'url':
      return {
        content: null,
        data: {
          sourceType: 'url' as const,
          url: input.url,
          title: input.url,
          // A URL is added once; its content may change, so the address is what identifies it.
          contentSha256: contentSha256(new TextEncoder().encode(`url:${input.url}`)),
          tags,
        },
      };
    case 'answer': {
      const markdown = `# ${oneLine(input.question)}\n\n${input.answer.trim()}\n`;
      const bytes = new TextEncoder().encode(markdown);
      return {
        content: bytes,
        data: {
          sourceType: 'answer' as const,
          filename: 'answer.md',
          mimeType: 'text/markdown',
          title: oneLine(input.question),
          contentSha256: contentSha256(bytes),
          sizeBytes: bytes.byteLength,
          tags,
        },
      };
    }
  }
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
