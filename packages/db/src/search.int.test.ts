import pgvector from 'pgvector';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from './client.ts';
import type { PrismaClient } from './generated/prisma/client.ts';
import { createKnowledgeBase, embeddingAlong } from './test-support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

let db: TestDatabase;
let prisma: PrismaClient;
let knowledgeBaseId: string;
const chunkIds: string[] = [];

const CONTENTS = [
  'Refunds are paid back within 14 days of the return arriving.',
  'Shipping to Portugal takes three business days.',
  'A política de reembolso permite devoluções em 30 dias.',
];

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = createPrismaClient(db.url);
  const { knowledgeBase, document } = await createKnowledgeBase(prisma);
  knowledgeBaseId = knowledgeBase.id;
  for (let position = 0; position < 40; position++) {
    const chunk = await prisma.chunk.create({
      data: {
        documentId: document.id,
        knowledgeBaseId,
        position,
        content: CONTENTS[position] ?? `Filler paragraph number ${position}.`,
        tokenCount: 12,
      },
    });
    // Prisma cannot write vector columns: raw SQL with the pgvector text form.
    await prisma.$executeRaw`UPDATE chunks SET embedding = ${pgvector.toSql(embeddingAlong(position))}::vector WHERE id = ${chunk.id}`;
    chunkIds.push(chunk.id);
  }
});
afterAll(async () => {
  await prisma.$disconnect();
  await db.drop();
});

/** The plan of `sql` with sequential scans off, so the planner shows whether an index can serve the query. */
async function planWithoutSeqScan(sql: string): Promise<string> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
    const rows = await tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${sql}`);
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  });
}

describe('vector search', () => {
  it('returns the nearest chunks by cosine distance', async () => {
    const query = pgvector.toSql(embeddingAlong(7, 0.12));
    const rows = await prisma.$queryRaw<{ id: string; distance: number }[]>`
      SELECT id, embedding <=> ${query}::vector AS distance FROM chunks
      WHERE knowledge_base_id = ${knowledgeBaseId} ORDER BY embedding <=> ${query}::vector LIMIT 3`;
    expect(rows[0]?.id).toBe(chunkIds[7]);
    expect(rows[0]?.distance).toBeLessThan(rows[1]?.distance ?? 0);
  });

  it("is served by the HNSW index for the vectors' length", async () => {
    const query = pgvector.toSql(embeddingAlong(3));
    const plan = await planWithoutSeqScan(
      `SELECT id FROM chunks WHERE vector_dims(embedding) = 384
       ORDER BY embedding::vector(384) <=> '${query}'::vector(384) LIMIT 5`,
    );
    expect(plan).toMatch(/Index Scan using chunks_embedding_384_hnsw_idx/);
  });

  it('keeps vectors of another length out of a search', async () => {
    const [other] = await prisma.$queryRaw<{ id: string }[]>`
      INSERT INTO chunks (id, document_id, knowledge_base_id, position, content, token_count, embedding)
      SELECT 'long-vector', document_id, knowledge_base_id, 1000, 'A 768-long vector', 1,
        array_fill(0.036, ARRAY[768])::vector
      FROM chunks WHERE id = ${chunkIds[0]} RETURNING id`;
    const query = pgvector.toSql(embeddingAlong(3));
    const rows = await prisma.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM chunks WHERE vector_dims(embedding) = 384
       ORDER BY embedding::vector(384) <=> '${query}'::vector(384)`,
    );
    expect(rows.map((row) => row.id)).not.toContain(other?.id);
    expect(rows).toHaveLength(40);
  });
});

describe('full-text search', () => {
  it('ranks chunks matching the words, in any language', async () => {
    const search = (words: string) => prisma.$queryRaw<{ id: string }[]>`
      SELECT id FROM chunks, websearch_to_tsquery('simple', ${words}) AS q
      WHERE tsv @@ q ORDER BY ts_rank(tsv, q) DESC`;
    expect(await search('refunds paid')).toEqual([{ id: chunkIds[0] }]);
    expect(await search('política reembolso')).toEqual([{ id: chunkIds[2] }]);
    expect(await search('PORTUGAL')).toEqual([{ id: chunkIds[1] }]);
  });

  it('follows content changes, the tsvector being generated', async () => {
    await prisma.chunk.update({ where: { id: chunkIds[5]! }, data: { content: 'Gift cards never expire.' } });
    const rows = await prisma.$queryRaw<{ id: string }[]>`
      SELECT id FROM chunks WHERE tsv @@ websearch_to_tsquery('simple', 'gift cards')`;
    expect(rows).toEqual([{ id: chunkIds[5] }]);
  });

  it('is served by the GIN index', async () => {
    const plan = await planWithoutSeqScan(
      `SELECT id FROM chunks WHERE tsv @@ websearch_to_tsquery('simple', 'refund')`,
    );
    expect(plan).toMatch(/Bitmap Index Scan on chunks_tsv_idx/);
  });
});
