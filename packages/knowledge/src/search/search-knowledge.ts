import { Prisma, type PrismaClient } from '@botflow/db';
import { DEFAULT_FUSION, fuse, type FusionWeights } from './fusion.ts';
import { lexicalCandidatesSql } from './lexical-query.ts';

export interface SearchKnowledgeInput {
  /** Always applied: only chunks of this organisation's knowledge bases are ever returned. */
  organisationId: string;
  /** Narrow to these knowledge bases (ids of other organisations match nothing); an empty list matches nothing. */
  knowledgeBaseIds?: string[];
  documentIds?: string[];
  /** Chunks whose `metadata.tags` (a JSON array of strings) holds at least one of these. */
  tags?: string[];
  /** The customer's question, for the full-text half. */
  query: string;
  /** The question embedded with the knowledge base's model (unit length, one of SUPPORTED_DIMENSIONS). */
  queryEmbedding: Float32Array;
  topK?: number;
  /** Drop chunks whose cosine similarity to the question is below this, whichever list found them. */
  minScore?: number;
  /** Tuning, for benchmarks and the quality test. */
  fusion?: FusionWeights;
  efSearch?: number;
}

export interface KnowledgeHit {
  chunkId: string;
  documentId: string;
  knowledgeBaseId: string;
  position: number;
  content: string;
  /** Weighted reciprocal-rank fusion in (0, 1]: 1 = first by meaning and by words. */
  score: number;
  /** Cosine similarity to the question, whichever list found the chunk (0 for a chunk without a vector yet). */
  similarity: number;
  dense: { rank: number; similarity: number } | null;
  lexical: { rank: number; score: number } | null;
}

/** Embedding lengths with an HNSW index (see the knowledge_ingestion migration); others cannot be searched. */
export const SUPPORTED_DIMENSIONS: readonly number[] = [384, 768, 1024, 1536];
const MAX_TOP_K = 50;
/** pgvector's default, which returned 99.7 % of the exact top 10 on this machine kind. */
export const DEFAULT_EF_SEARCH = 40;

interface CandidateRow {
  id: string;
  document_id: string;
  knowledge_base_id: string;
  position: number;
  content: string;
  similarity: number;
  dense_rank: bigint | null;
  lexical_rank: bigint | null;
  lexical_score: number | null;
}

/** Hybrid search: nearest chunks by cosine distance (HNSW) and by the question's words, fused. */
export async function searchKnowledge(db: PrismaClient, input: SearchKnowledgeInput): Promise<KnowledgeHit[]> {
  const topK = input.topK ?? 5;
  if (!Number.isInteger(topK) || topK < 1 || topK > MAX_TOP_K) {
    throw new RangeError(`topK must be a whole number from 1 to ${MAX_TOP_K}`);
  }
  if (!SUPPORTED_DIMENSIONS.includes(input.queryEmbedding.length)) {
    throw new RangeError(
      `the question embedding has ${input.queryEmbedding.length} dimensions; supported: ${SUPPORTED_DIMENSIONS.join(', ')}`,
    );
  }
  if ([input.knowledgeBaseIds, input.documentIds, input.tags].some((list) => list?.length === 0)) return [];

  // Each list brings more candidates than asked for, so fusion can promote what the other list ranks low.
  const perList = Math.max(20, topK * 4);
  const efSearch = Math.max(input.efSearch ?? DEFAULT_EF_SEARCH, perList);
  const [, , rows] = await db.$transaction([
    db.$queryRaw`SELECT set_config('hnsw.ef_search', ${String(efSearch)}, true)`,
    // Filtered HNSW scans keep going until enough rows pass the filters (pgvector 0.8).
    db.$queryRaw`SELECT set_config('hnsw.iterative_scan', 'relaxed_order', true)`,
    db.$queryRaw<CandidateRow[]>(candidatesSql(input, perList)),
  ]);

  const candidates = rows.map((row) => ({
    row,
    denseRank: row.dense_rank === null ? null : Number(row.dense_rank),
    lexicalRank: row.lexical_rank === null ? null : Number(row.lexical_rank),
  }));
  return fuse(candidates, input.fusion ?? DEFAULT_FUSION)
    .filter(({ candidate }) => input.minScore === undefined || candidate.row.similarity >= input.minScore)
    .slice(0, topK)
    .map(({ candidate: { row, denseRank, lexicalRank }, score }) => ({
      chunkId: row.id,
      documentId: row.document_id,
      knowledgeBaseId: row.knowledge_base_id,
      position: row.position,
      content: row.content,
      score,
      similarity: row.similarity,
      dense: denseRank === null ? null : { rank: denseRank, similarity: row.similarity },
      lexical: lexicalRank === null ? null : { rank: lexicalRank, score: row.lexical_score ?? 0 },
    }));
}

/** The one statement behind searchKnowledge, exported for EXPLAIN in the benchmark. */
export function candidatesSql(input: SearchKnowledgeInput, perList: number): Prisma.Sql {
  const vector = `[${Array.from(input.queryEmbedding).join(',')}]`;
  // A literal, not a parameter: the planner matches it against the partial index's WHERE and cast.
  const dimensions = Prisma.raw(String(input.queryEmbedding.length));
  const filters = [
    // The organisation filter: every candidate list goes through it. Documents answer once ingested.
    Prisma.sql`c.document_id IN (SELECT id FROM searchable_documents)`,
    input.documentIds ? Prisma.sql`c.document_id = ANY(${input.documentIds}::text[])` : null,
    input.tags ? Prisma.sql`jsonb_exists_any(c.metadata -> 'tags', ${input.tags}::text[])` : null,
  ].filter((filter) => filter !== null);
  const where = Prisma.join(filters, ' AND ');
  const knowledgeBaseFilter = input.knowledgeBaseIds
    ? Prisma.sql`AND id = ANY(${input.knowledgeBaseIds}::text[])`
    : Prisma.empty;

  // relaxed_order may return the HNSW candidates slightly out of order: they are ranked again by exact distance.
  return Prisma.sql`
    WITH allowed_knowledge_bases AS MATERIALIZED (
      SELECT id FROM knowledge_bases WHERE organisation_id = ${input.organisationId} ${knowledgeBaseFilter}
    ),
    searchable_documents AS MATERIALIZED (
      SELECT id FROM documents
      WHERE knowledge_base_id IN (SELECT id FROM allowed_knowledge_bases) AND status = 'ready'
    ),
    question AS MATERIALIZED (SELECT ${vector}::vector(${dimensions}) AS embedding),
    nearest AS MATERIALIZED (
      SELECT c.id, c.embedding::vector(${dimensions}) <=> ${vector}::vector(${dimensions}) AS distance
      FROM chunks c
      WHERE ${where} AND vector_dims(c.embedding) = ${dimensions}
      ORDER BY c.embedding::vector(${dimensions}) <=> ${vector}::vector(${dimensions})
      LIMIT ${perList}
    ),
    dense AS (SELECT id, row_number() OVER (ORDER BY distance, id) AS dense_rank FROM nearest),
    ${lexicalCandidatesSql(input.query, where, perList)}
    SELECT c.id, c.document_id, c.knowledge_base_id, c.position, c.content,
      coalesce(
        CASE WHEN vector_dims(c.embedding) = ${dimensions}
          THEN 1 - (c.embedding::vector(${dimensions}) <=> (SELECT embedding FROM question)) END,
        0
      )::float8 AS similarity,
      dense.dense_rank, lexical.lexical_rank, lexical.lexical_score
    FROM dense FULL JOIN lexical USING (id)
    JOIN chunks c ON c.id = coalesce(dense.id, lexical.id)
    JOIN knowledge_bases kb ON kb.id = c.knowledge_base_id AND kb.organisation_id = ${input.organisationId}`;
}
