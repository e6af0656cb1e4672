import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createPrismaClient } from '@botflow/db';
import { useMigratedDatabase } from '@botflow/db/vitest';
import type { Embedder } from '@botflow/embeddings';
import { beforeEach, describe, expect, it } from 'vitest';
import { createOrganisationWithKnowledgeBase } from '../search/search-fixtures.ts';
import { FakeEmbedder } from './fake-embedder.ts';
import {
  addDocument,
  beginReindex,
  chunkAndStore,
  DocumentGone,
  embedPending,
  failDocument,
  finishDocument,
} from './index.ts';

const database = useMigratedDatabase();
const FIXTURES = join(import.meta.dirname, '../ingest/fixtures');
let knowledgeBaseId: string;
let embedder: FakeEmbedder;
const embedderFor = async (model: string): Promise<Embedder> => {
  if (model !== embedder.model) throw new Error(`unexpected model ${model}`);
  return embedder;
};

beforeEach(async () => {
  ({
    knowledgeBase: { id: knowledgeBaseId },
  } = await createOrganisationWithKnowledgeBase(database.prisma, 'ingestion'));
  embedder = new FakeEmbedder();
});

async function uploadHandbook(name = 'handbook.md') {
  const bytes = await readFile(join(FIXTURES, name));
  return addDocument(database.prisma, knowledgeBaseId, { kind: 'upload', bytes, filename: name });
}

async function chunkRows(documentId: string) {
  return database.prisma.$queryRaw<{ position: number; embedded: boolean }[]>`
    SELECT position, embedding IS NOT NULL AS embedded FROM chunks WHERE document_id = ${documentId} ORDER BY position`;
}

describe('ingesting a document', () => {
  it('stores it once: the same file again is a no-op that returns the first document', async () => {
    const first = await uploadHandbook();
    const again = await Promise.all([uploadHandbook(), uploadHandbook()]);
    expect(first.created).toBe(true);
    expect(again.map((added) => [added.created, added.document.id])).toEqual([
      [false, first.document.id],
      [false, first.document.id],
    ]);
    expect(await database.prisma.document.count({ where: { knowledgeBaseId } })).toBe(1);
  });

  it('parses, chunks, embeds in batches and finishes ready, with progress on the way', async () => {
    const { document } = await uploadHandbook('handbook.pdf');
    const chunked = await chunkAndStore(database.prisma, document.id);
    expect(chunked.stored).toBe(true);
    expect(await chunkAndStore(database.prisma, document.id)).toEqual({
      chunkCount: chunked.chunkCount,
      stored: false,
    });
    const afterParse = await database.prisma.document.findUniqueOrThrow({ where: { id: document.id } });
    expect(afterParse).toMatchObject({
      stage: 'embedding',
      progress: 10,
      chunkCount: chunked.chunkCount,
      pageCount: 2,
    });

    const progress: number[] = [];
    await embedPending(database.prisma, document.id, {
      embedderFor,
      batchSize: 2,
      onBatch: ({ embedded }) => progress.push(embedded),
    });
    expect(progress.length).toBe(Math.ceil(chunked.chunkCount / 2));
    expect(await finishDocument(database.prisma, document.id)).toBe(true);
    const ready = await database.prisma.document.findUniqueOrThrow({ where: { id: document.id } });
    expect(ready).toMatchObject({
      status: 'ready',
      stage: 'finished',
      progress: 100,
      embeddingModel: 'all-MiniLM-L6-v2',
    });
    expect((await chunkRows(document.id)).every((row) => row.embedded)).toBe(true);
  });

  it('resumes after a crash mid-embedding without embedding or storing anything twice', async () => {
    const { document } = await uploadHandbook();
    const { chunkCount } = await chunkAndStore(database.prisma, document.id);
    expect(chunkCount).toBeGreaterThan(2);
    embedder.failOnCall = 2;
    await expect(embedPending(database.prisma, document.id, { embedderFor, batchSize: 1 })).rejects.toThrow(
      /went away/,
    );
    expect(await finishDocument(database.prisma, document.id)).toBe(false);
    expect((await chunkRows(document.id)).filter((row) => row.embedded)).toHaveLength(1);

    await embedPending(database.prisma, document.id, { embedderFor, batchSize: 1 });
    expect(embedder.texts).toBe(chunkCount);
    const rows = await chunkRows(document.id);
    expect(rows.map((row) => row.position)).toEqual([...Array(chunkCount).keys()]);
    expect(await finishDocument(database.prisma, document.id)).toBe(true);
  });

  it('stops with DocumentGone when the document is deleted, leaving no chunks', async () => {
    const { document } = await uploadHandbook();
    await chunkAndStore(database.prisma, document.id);
    await database.prisma.document.delete({ where: { id: document.id } });
    await expect(embedPending(database.prisma, document.id, { embedderFor })).rejects.toBeInstanceOf(DocumentGone);
    await expect(chunkAndStore(database.prisma, document.id)).rejects.toBeInstanceOf(DocumentGone);
    expect(await database.prisma.chunk.count({ where: { documentId: document.id } })).toBe(0);
  });

  it('records why a document failed, for its owner', async () => {
    const { document } = await addDocument(database.prisma, knowledgeBaseId, {
      kind: 'upload',
      bytes: new TextEncoder().encode('%PDF-1.7 not really'),
      filename: 'broken.pdf',
    });
    await expect(chunkAndStore(database.prisma, document.id)).rejects.toThrow(/"broken.pdf" could not be read/);
    await failDocument(database.prisma, document.id, 'broken.pdf could not be read');
    expect(await database.prisma.document.findUniqueOrThrow({ where: { id: document.id } })).toMatchObject({
      status: 'failed',
      stage: 'parsing',
      error: 'broken.pdf could not be read',
    });
  });
});

describe('re-indexing with another model', () => {
  it('drops the old vectors at once and embeds again with the new model only', async () => {
    const { document } = await uploadHandbook();
    await chunkAndStore(database.prisma, document.id);
    await embedPending(database.prisma, document.id, { embedderFor });
    await finishDocument(database.prisma, document.id);

    const documents = await beginReindex(database.prisma, knowledgeBaseId, {
      name: 'nomic-embed-text',
      dimensions: 768,
    });
    expect(documents).toEqual([document.id]);
    expect((await chunkRows(document.id)).some((row) => row.embedded)).toBe(false);
    expect(await database.prisma.document.findUniqueOrThrow({ where: { id: document.id } })).toMatchObject({
      status: 'ready',
      stage: 'embedding',
    });
    expect(await finishDocument(database.prisma, document.id)).toBe(false);

    embedder = new FakeEmbedder('nomic-embed-text', 768);
    await embedPending(database.prisma, document.id, { embedderFor });
    expect(await finishDocument(database.prisma, document.id)).toBe(true);
    const [dims] = await database.prisma.$queryRaw<{ dims: number }[]>`
      SELECT DISTINCT vector_dims(embedding) AS dims FROM chunks WHERE document_id = ${document.id}`;
    expect(dims?.dims).toBe(768);
  });

  it('never stores a vector of the old model, even when the switch commits while the batch is being stored', async () => {
    const { document } = await uploadHandbook();
    await chunkAndStore(database.prisma, document.id);
    const other = createPrismaClient(database.database.url);
    let switching: Promise<unknown> | undefined;
    const slow: typeof embedderFor = async (model) => {
      const inner = await embedderFor(model);
      return {
        model: inner.model,
        dimensions: inner.dimensions,
        embed: async (texts) => {
          // The owner switches models while this batch is embedded, and the switch commits only after the batch's
          // store has begun: the store must wait for it and then keep nothing.
          let started!: () => void;
          const inTransaction = new Promise<void>((resolve) => (started = resolve));
          switching = other.$transaction(async (tx) => {
            await tx.knowledgeBase.update({
              where: { id: knowledgeBaseId },
              data: { embeddingModel: 'nomic-embed-text', dimension: 768 },
            });
            await tx.$executeRaw`UPDATE chunks SET embedding = NULL WHERE knowledge_base_id = ${knowledgeBaseId}`;
            started();
            await sleep(300);
          });
          await inTransaction;
          return inner.embed(texts);
        },
      };
    };
    try {
      await expect(embedPending(database.prisma, document.id, { embedderFor: slow, batchSize: 100 })).rejects.toThrow(
        /unexpected model nomic-embed-text/,
      );
      await switching;
      expect((await chunkRows(document.id)).some((row) => row.embedded)).toBe(false);
    } finally {
      await other.$disconnect();
    }
  });
});
